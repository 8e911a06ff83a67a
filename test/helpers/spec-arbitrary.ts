import fc from 'fast-check';
import { PARTITIONS } from '../../src/core/catalog/regions.js';
import { SERVICES } from '../../src/core/catalog/services.js';
import { PRINCIPAL_SERVICES } from '../../src/core/catalog/service-principals.js';
import type { PolicySpec } from '../../src/core/spec.js';

const hex = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789abcdef'.split('')), minLength: n, maxLength: n });
const account = fc.string({ unit: fc.constantFrom(...'0123456789'.split('')), minLength: 12, maxLength: 12 });
const keyId = fc.oneof(
  fc.tuple(hex(8), hex(4), hex(4), hex(4), hex(12)).map((p) => p.join('-')),
  hex(32).map((h) => `mrk-${h}`),
);
const roleName = fc.stringMatching(/^[A-Za-z][A-Za-z0-9+=,.@_-]{0,20}$/);

/**
 * Route 53 DNSSEC needs an asymmetric signing key of its own, in us-east-1: validateSpec refuses it
 * elsewhere and beside any other service (a key that signs cannot encrypt). So it is kept only alone.
 */
function withDnssecAlone(services: readonly string[], keyRegion: string): string[] {
  if (!services.includes('route53-dnssec')) return [...services];
  if (services.length === 1 && keyRegion === 'us-east-1') return [...services];
  const rest = services.filter((s) => s !== 'route53-dnssec');
  return rest.length > 0 ? rest : ['cloudtrail'];
}

/** Random specs that validateSpec accepts: any partition, trust mode, services, Regions, consumers. */
export const validSpec: fc.Arbitrary<PolicySpec> = fc
  .record({
    partition: fc.constantFrom(...PARTITIONS),
    keyAccount: account,
    keyId,
    access: fc.constantFrom('iam', 'principals', 'account') as fc.Arbitrary<PolicySpec['access']>,
    services: fc.uniqueArray(fc.constantFrom(...SERVICES.map((s) => s.id), ...PRINCIPAL_SERVICES.map((s) => s.id)), { minLength: 1, maxLength: 5 }),
    extraRegions: fc.nat(2),
    otherAccounts: fc.uniqueArray(account, { maxLength: 2 }),
    roles: fc.uniqueArray(roleName, { minLength: 1, maxLength: 3 }),
    admins: fc.uniqueArray(roleName, { maxLength: 2 }),
  })
  .chain((r) =>
    fc.subarray([...r.partition.regions], { minLength: 1, maxLength: Math.min(r.partition.regions.length, 1 + r.extraRegions) }).map((regions) => {
      const p = r.partition.id;
      const keyRegion = regions[0]!;
      const role = (acct: string, name: string) => `arn:${p}:iam::${acct}:role/${name}`;
      const accounts = [r.keyAccount, ...r.otherAccounts.filter((a) => a !== r.keyAccount)];
      const consumers =
        r.access === 'principals'
          ? accounts.flatMap((a) => r.roles.map((n) => role(a, n)))
          : r.access === 'account'
            ? accounts
            : [...accounts.slice(1), ...r.roles.map((n) => role(r.keyAccount, n))];
      return {
        keyArn: `arn:${p}:kms:${keyRegion}:${r.keyAccount}:key/${r.keyId}`,
        admins: r.admins.map((n) => role(r.keyAccount, n)),
        consumers,
        access: r.access,
        services: withDnssecAlone(r.services, keyRegion),
        regions: regions,
      } satisfies PolicySpec;
    }),
  );
