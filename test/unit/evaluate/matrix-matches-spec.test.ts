// Property: for random specs, the access matrix of build(spec) is what the
// spec intends (issue 3, "Done means"): consumers allowed through every
// service in every Region; denied directly, through another service, in
// another Region and from another account; a principal with no IAM policy
// allowed only with access = account.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { build } from '../../../src/core/build.js';
import { SERVICES } from '../../../src/core/catalog/services.js';
import { matrixInputFromBuild } from '../../../src/core/evaluate/matrix-from-build.js';
import { accessMatrix, meetsExpectation } from '../../../src/core/evaluate/matrix.js';
import type { PolicySpec } from '../../../src/core/spec.js';
import type { AccessMode } from '../../../src/core/spec-types.js';

const KEY_ACCOUNT = '111122223333';
const OTHER_ACCOUNTS = ['444455556666', '222233334444'];
const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-southeast-2'];

const keyArn = fc.record({
  region: fc.constantFrom(...REGIONS),
  mrk: fc.boolean(),
}).map(({ region, mrk }) => `arn:aws:kms:${region}:${KEY_ACCOUNT}:key/${mrk ? 'mrk-1234abcd12ab34cd56ef1234567890ab' : '1234abcd-12ab-34cd-56ef-1234567890ab'}`);

const roleIn = (account: string) => fc.constantFrom('app', 'worker', 'etl').map((name) => `arn:aws:iam::${account}:role/${name}`);

function consumersFor(access: AccessMode) {
  const accounts = fc.subarray([KEY_ACCOUNT, ...OTHER_ACCOUNTS]);
  if (access === 'principals') {
    return fc.uniqueArray(fc.constantFrom(KEY_ACCOUNT, ...OTHER_ACCOUNTS).chain(roleIn), { minLength: 1, maxLength: 3 });
  }
  return accounts;
}

const spec: fc.Arbitrary<PolicySpec> = fc.constantFrom<AccessMode>('iam', 'principals', 'account').chain((access) =>
  fc.record({
    keyArn,
    admins: fc.constantFrom([], [`arn:aws:iam::${KEY_ACCOUNT}:role/KeyAdmin`]),
    consumers: consumersFor(access),
    access: fc.constant(access),
    services: fc.uniqueArray(fc.constantFrom(...SERVICES.map((s) => s.id)), { minLength: 1, maxLength: 3 }),
    regions: fc.subarray(REGIONS, { maxLength: 2 }),
  }),
);

test('the access matrix of build(spec) matches what the spec intends', () => {
  fc.assert(
    fc.property(spec, (s) => {
      const result = build(s);
      const rows = accessMatrix(matrixInputFromBuild(result));
      const wrong = rows.filter((r) => !meetsExpectation(r));
      expect(wrong.map((r) => `${r.scenario}: got ${r.decision}, expected ${r.expected} (${r.reason})`)).toEqual([]);
      // Non-trivial: every row has an expectation, and some consumer row is allowed.
      expect(rows.every((r) => r.expected !== undefined)).toBe(true);
      expect(rows.some((r) => r.decision === 'Allow')).toBe(true);
      expect(rows.some((r) => r.scenario.endsWith('calling KMS directly'))).toBe(true);
    }),
    { numRuns: 300 },
  );
});

// The property has teeth: the same check flags the classic mistakes when they are put into a generated pair.
// The generated IAM policy repeats the ViaService condition, so the bypass shows with a broader IAM policy.
test('the check flags a generated pair with the default root kms:* statement added', () => {
  const result = build({ keyArn: `arn:aws:kms:us-east-1:${KEY_ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`, admins: [], consumers: [], access: 'iam', services: ['secretsmanager'], regions: [] });
  const input = matrixInputFromBuild(result);
  const doc = input.keyPolicy as { Statement: unknown[] };
  const tampered = { ...doc, Statement: [{ Sid: 'EnableIAM', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${KEY_ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' }, ...doc.Statement] };
  const broadIam = { account: KEY_ACCOUNT, policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kms:*', Resource: result.spec.key.arn }] } };
  expect(accessMatrix({ ...input, keyPolicy: tampered }).filter((r) => !meetsExpectation(r))).toEqual([]);
  const wrong = accessMatrix({ ...input, keyPolicy: tampered, iamPolicies: [broadIam] }).filter((r) => !meetsExpectation(r));
  expect(wrong.map((r) => r.scenario)).toContain(`a role in ${KEY_ACCOUNT} with its IAM policy calling KMS directly`);
});

test('the check flags "*" without kms:CallerAccount (another account gets in)', () => {
  const result = build({ keyArn: `arn:aws:kms:us-east-1:${KEY_ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`, admins: [], consumers: [], access: 'account', services: ['s3'], regions: [] });
  const input = matrixInputFromBuild(result);
  const text = JSON.stringify(input.keyPolicy).replace(/,"kms:CallerAccount":"\d{12}"/g, '');
  const wrong = accessMatrix({ ...input, keyPolicy: JSON.parse(text) }).filter((r) => !meetsExpectation(r));
  expect(wrong.map((r) => r.scenario).join('\n')).toMatch(/another account/);
});
