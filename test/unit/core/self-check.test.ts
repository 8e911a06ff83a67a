// The self-check of every generated pair (issue 18, "How to know it holds"):
// build() has the evaluator decide every request the answers ask for (each
// consumer x service x Region x action, and each service principal's calls
// with the encryption context and source keys it really sends), and refuses a
// pair that would deny one. Run here over EVERY catalog service, ViaService
// and service principal, for an existing key ARN and a new key.
import { describe, expect, test } from 'vitest';
import { build } from '../../../src/core/build.js';
import type { BuildResult } from '../../../src/core/build-types.js';
import { SERVICES } from '../../../src/core/catalog/services.js';
import { PRINCIPAL_SERVICES } from '../../../src/core/catalog/service-principals.js';
import { askedRequests, unmetRequests } from '../../../src/core/self-check.js';
import { SERVICE_REQUESTS } from '../../../src/core/service-requests.js';
import type { PolicySpec } from '../../../src/core/spec.js';
import type { AccessMode } from '../../../src/core/spec-types.js';

const ME = '111122223333';
const OTHER = '444455556666';
const KEYS: Record<string, Pick<PolicySpec, 'keyArn' | 'newKey'>> = {
  'existing key': { keyArn: `arn:aws:kms:us-east-1:${ME}:key/1234abcd-12ab-34cd-56ef-1234567890ab` },
  'existing multi-Region key': { keyArn: `arn:aws:kms:us-east-1:${ME}:key/mrk-1234abcd12ab34cd56ef1234567890ab` },
  'new key': { newKey: { account: ME, region: 'us-east-1', multiRegion: false } },
  'new multi-Region key': { newKey: { account: ME, region: 'us-east-1', multiRegion: true } },
};
const consumersFor = (access: AccessMode) => (access === 'principals' ? [`arn:aws:iam::${ME}:role/app`, `arn:aws:iam::${OTHER}:role/reader`] : [ME, OTHER]);
const ALL_IDS = [...SERVICES.map((s) => s.id), ...PRINCIPAL_SERVICES.map((s) => s.id)];

describe.each(Object.entries(KEYS))('%s', (_, key) => {
  test.each(ALL_IDS)('%s: every asked request is allowed, in every access mode, with another account and a second Region', (service) => {
    for (const access of ['iam', 'principals', 'account'] as const) {
      const multi = 'keyArn' in key ? key.keyArn!.includes('mrk-') : key.newKey!.multiRegion;
      const regions = multi ? ['us-east-1', 'eu-west-1'] : ['us-east-1'];
      // build() itself throws GeneratedPairError when the check fails; the asserts below say which request.
      const result = build({ ...key, admins: [], consumers: consumersFor(access), access, services: [service], regions });
      expect(unmetRequests(result)).toEqual([]);
      const asked = askedRequests(result);
      expect(asked.length).toBeGreaterThan(0);
      const principal = PRINCIPAL_SERVICES.find((p) => p.id === service);
      if (principal) {
        // Each of the service's documented calls is asked, for a resource of each account.
        for (const call of SERVICE_REQUESTS[service]!.calls) expect(asked.some((a) => a.request.action === call.action && a.request.principal.endsWith('.amazonaws.com'))).toBe(true);
      } else {
        expect(asked.every((a) => a.request.viaService?.endsWith('.amazonaws.com'))).toBe(true);
        expect(new Set(asked.map((a) => a.request.viaService!.split('.')[1])).size).toBe(regions.length);
      }
    }
  });
});

test.each(PRINCIPAL_SERVICES.filter((p) => p.sourceArn))('$id narrowed to its example --source-arn: the named resource is allowed', (entry) => {
  const result = build({ ...KEYS['existing key']!, admins: [], consumers: [], access: 'iam', services: [entry.id], regions: [], sourceArns: [entry.sourceArn!.example] });
  const asked = askedRequests(result).filter((a) => a.request.principal.endsWith('.amazonaws.com'));
  expect(asked.length).toBeGreaterThan(0);
  expect(unmetRequests(result)).toEqual([]);
});

test('a log group in the console\'s form (…:*): the request CloudWatch Logs sends (without ":*") is asked and allowed', () => {
  const group = `arn:aws:logs:us-east-1:${ME}:log-group:app`;
  const result = build({ ...KEYS['new key']!, admins: [], consumers: [], access: 'iam', services: ['logs'], regions: [], sourceArns: [`${group}:*`] });
  const sent = askedRequests(result).filter((a) => a.request.encryptionContext?.['aws:logs:arn']);
  expect(sent.map((a) => a.request.encryptionContext!['aws:logs:arn'])).toEqual([group, group, group]);
  expect(unmetRequests(result)).toEqual([]);
});

describe('the check has teeth: a pair that denies what was asked is found', () => {
  const logs = () => build({ ...KEYS['existing key']!, admins: [], consumers: [], access: 'iam', services: ['logs', 'secretsmanager'], regions: [], sourceArns: [`arn:aws:logs:us-east-1:${ME}:log-group:app`] });
  const edit = (r: BuildResult, f: (text: string) => string): BuildResult => ({ ...r, keyPolicy: JSON.parse(f(JSON.stringify(r.keyPolicy))) });

  test('the log group written with ":*" (the issue-18 bug) denies CloudWatch Logs', () => {
    const unmet = unmetRequests(edit(logs(), (t) => t.replace(':log-group:app"', ':log-group:app:*"')));
    expect(unmet.map((u) => u.scenario)).toEqual(expect.arrayContaining([`logs.us-east-1.amazonaws.com kms:GenerateDataKey for arn:aws:logs:us-east-1:${ME}:log-group:app`]));
  });

  test('a ViaService value in the wrong Region denies the consumers', () => {
    const unmet = unmetRequests(edit(logs(), (t) => t.replace(/secretsmanager\.us-east-1/g, 'secretsmanager.us-west-2')));
    expect(unmet.some((u) => u.scenario.includes('through secretsmanager.us-east-1.amazonaws.com'))).toBe(true);
  });

  test('an IAM policy that lost an action denies that action', () => {
    const r = logs();
    const plans = r.iamPlans.map((p) => ({ ...p, naming: <R>(res: R) => { const d = p.naming(res); return { ...d, Statement: d.Statement.filter((s) => !JSON.stringify(s.Action).includes('GenerateDataKey')) }; } }));
    expect(unmetRequests({ ...r, iamPlans: plans }).some((u) => u.scenario.includes('kms:GenerateDataKey through'))).toBe(true);
  });
});
