import { describe, expect, it } from 'vitest';
import { compareAccess, fromCurrentPolicy, type AccessChange } from '../../../src/core/current-policy/index.js';
import { buildFor, current, fatesOf, KEY_ARN } from './helpers.js';

const APP = 'arn:aws:iam::111122223333:role/app';
const SM = 'secretsmanager.us-east-1.amazonaws.com';
const find = (list: readonly AccessChange[], principal: string, action: string, via: string | null) =>
  list.find((c) => c.principal === principal && c.action === action && c.via === via);

function merge(name: string, overrides = {}) {
  const policy = current(name);
  const fates = fatesOf(policy, overrides);
  const r = fromCurrentPolicy(buildFor(fates), policy, fates);
  if (!r.ok) throw new Error(r.error.join());
  return r.value;
}

describe('access changes: console default -> restricted to Secrets Manager', () => {
  const { access } = merge('console-default.json');

  it('removes direct Decrypt for the application role, saying which statement decides now and which allowed it before', () => {
    const c = find(access.removed, APP, 'kms:Decrypt', null);
    expect(c).toMatchObject({ before: 'Allow', after: 'ImplicitDeny' });
    expect(c!.reason).toMatch(/only through secretsmanager\.us-east-1\.amazonaws\.com; this call came directly/);
    expect(c!.reason).toMatch(/before: allowed by key policy statement \d "(Enable IAM User Permissions|Allow use of the key)" of the current policy/);
  });

  it('keeps Decrypt through Secrets Manager (no change, so not listed) and adds nothing', () => {
    expect(find(access.removed, APP, 'kms:Decrypt', SM)).toBeUndefined();
    expect(access.added).toEqual([]);
  });

  it('removes Decrypt through a service neither policy names', () => {
    expect(find(access.removed, APP, 'kms:Decrypt', 's3.us-east-1.amazonaws.com')).toMatchObject({ before: 'Allow', after: 'ImplicitDeny' });
  });

  it('asks only about actions on a key (CreateKey and GenerateRandom are not a key policy\'s to give)', () => {
    expect(access.removed.some((c) => c.action === 'kms:CreateKey' || c.action === 'kms:GenerateRandom')).toBe(false);
  });

  it('raises no warning: only principals of the key\'s account lose access', () => {
    expect(access.warnings).toEqual([]);
  });
});

describe('access changes: a key with CloudWatch Logs, a Deny and another account', () => {
  it('the Logs service principal and the other account keep their access when their statements are kept', () => {
    const { access } = merge('logs-deny-cross-account.json');
    expect(access.removed.filter((c) => c.principal === 'logs.us-east-1.amazonaws.com')).toEqual([]);
    expect(access.removed.filter((c) => c.principal === 'arn:aws:iam::444455556666:role/backup')).toEqual([]);
    expect(access.warnings).toEqual([]);
  });

  it('dropping the Logs statement removes the service\'s access and warns by name', () => {
    const { access } = merge('logs-deny-cross-account.json', { drop: ['AllowCloudWatchLogs'] });
    const c = find(access.removed, 'logs.us-east-1.amazonaws.com', 'kms:Encrypt', null);
    expect(c).toMatchObject({ before: 'Allow', after: 'ImplicitDeny' });
    expect(access.warnings.join('\n')).toMatch(/service principal logs\.us-east-1\.amazonaws\.com loses .*Encrypt/);
  });

  it('dropping the other account\'s statement warns by name', () => {
    const { access } = merge('logs-deny-cross-account.json', { drop: ['BackupAccountDecrypt'] });
    expect(find(access.removed, 'arn:aws:iam::444455556666:role/backup', 'kms:Decrypt', null)).toMatchObject({ before: 'Allow' });
    expect(access.warnings.join('\n')).toMatch(/role\/backup in 444455556666 loses Decrypt/);
  });
});

describe('compareAccess on any two key policies', () => {
  const root = { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' };
  const viaOnly = {
    Effect: 'Allow',
    Principal: { AWS: 'arn:aws:iam::111122223333:root' },
    Action: 'kms:Decrypt',
    Resource: '*',
    Condition: { StringEquals: { 'kms:ViaService': SM } },
  };
  const doc = (...Statement: unknown[]) => ({ Version: '2012-10-17', Statement });

  it('finds nothing between a policy and itself', () => {
    expect(compareAccess({ before: doc(root), after: doc(root), keyArn: KEY_ARN })).toEqual({ added: [], removed: [], warnings: [] });
  });

  it('widening is "added", with the allowing statement as the reason', () => {
    const r = compareAccess({ before: doc(viaOnly), after: doc(viaOnly, root), keyArn: KEY_ARN });
    const c = r.added.find((x) => x.action === 'kms:Decrypt' && x.via === null && x.principal.endsWith(':role/consumer'));
    expect(c).toMatchObject({ before: 'ImplicitDeny', after: 'Allow' });
    expect(c!.reason).toMatch(/key policy statement 2/);
    expect(r.removed).toEqual([]);
  });

  it('a Deny makes a request ExplicitDeny', () => {
    const deny = { Effect: 'Deny', Principal: '*', Action: 'kms:Decrypt', Resource: '*' };
    const r = compareAccess({ before: doc(root), after: doc(root, deny), keyArn: KEY_ARN });
    expect(r.removed.find((c) => c.action === 'kms:Decrypt' && c.via === null)).toMatchObject({ before: 'Allow', after: 'ExplicitDeny' });
  });

  it('uses the IAM policies given instead of the assumed kms:* one', () => {
    const iam = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kms:Encrypt', Resource: '*' }] };
    const r = compareAccess({ before: doc(root), after: doc(viaOnly), keyArn: KEY_ARN, iamPolicies: [iam], iamPolicyNames: ['iam.json'] });
    expect(r.removed.every((c) => c.action === 'kms:Encrypt')).toBe(true);
    expect(r.removed.length).toBeGreaterThan(0);
  });

  it('an invalid key ARN gives no changes rather than throwing', () => {
    expect(compareAccess({ before: doc(root), after: doc(), keyArn: 'alias/x' })).toEqual({ added: [], removed: [], warnings: [] });
  });
});
