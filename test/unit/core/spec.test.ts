import { describe, expect, it } from 'vitest';
import type { PolicySpec } from '../../../src/core/spec.js';
import { specChecks } from '../../helpers/spec-checks.js';

const KEY = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const MRK = 'arn:aws:kms:us-east-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab';
const base: PolicySpec = { keyArn: KEY, admins: [], consumers: [], access: 'iam', services: ['secretsmanager'], regions: [] };

const { errors, resolved } = specChecks(base);

describe('validateSpec: defaults', () => {
  it('defaults admins to the key account root, consumers to the key account, Regions to the key Region', () => {
    const s = resolved({});
    expect(s.admins).toEqual(['arn:aws:iam::111122223333:root']);
    expect(s.adminsDefaulted).toBe(true);
    expect(s.consumers).toEqual([{ account: '111122223333', principals: [] }]);
    expect(s.regions).toEqual(['us-east-1']);
    expect(s.actions).toEqual(['kms:Decrypt', 'kms:GenerateDataKey']);
  });

  it('sorts and de-duplicates so the same answers in any order resolve the same', () => {
    const a = resolved({ services: ['s3', 'secretsmanager', 'S3'], regions: ['us-west-2', 'us-east-1'], admins: ['arn:aws:iam::111122223333:role/b', 'arn:aws:iam::111122223333:role/a'] });
    const b = resolved({ services: ['secretsmanager', 's3'], regions: ['us-east-1', 'us-west-2', 'us-east-1'], admins: ['arn:aws:iam::111122223333:role/a', 'arn:aws:iam::111122223333:role/b'] });
    expect(JSON.stringify({ ...a, warnings: [] })).toBe(JSON.stringify({ ...b, warnings: [] }));
  });

  it('a 12-digit admin is that account root', () => {
    expect(resolved({ admins: ['444455556666'] }).admins).toEqual(['arn:aws:iam::444455556666:root']);
  });
});

describe('validateSpec: every error names the field, the value and a fix', () => {
  it.each<[string, Partial<PolicySpec>, string, RegExp]>([
    ['alias as key', { keyArn: 'alias/x' }, 'keyArn', /alias name/],
    ['no services', { services: [] }, 'services', /at least one service/],
    ['unknown service with suggestion', { services: ['secretmanager'] }, 'services', /did you mean secretsmanager/],
    ['ALB access logs (elasticloadbalancing enable-access-logging.html: SSE-S3 only)', { services: ['alb'] }, 'services', /only SSE-S3/],
    ['a source ARN no chosen service uses', { services: ['logs'], sourceArns: ['arn:aws:cloudtrail:us-east-1:111122223333:trail/t'] }, 'sourceArns', /not among the services/],
    ['China suffix', { services: ['s3.us-east-1.amazonaws.com.cn'] }, 'services', /\.amazonaws\.com in every partition/],
    ['account id in place of Region', { services: ['secretsmanager.111122223333.amazonaws.com'] }, 'services', /account id where the Region belongs/],
    ['ebs. instead of ec2.', { services: ['ebs.us-east-1.amazonaws.com'] }, 'services', /not the ViaService name of Amazon EBS/],
    ['custom value in another Region', { services: ['foo.eu-west-1.amazonaws.com'] }, 'services', /not among the Regions/],
    ['malformed full value', { services: ['secretsmanager.amazonaws.com'] }, 'services', /has no Region, so it never matches/],
    ['typo Region', { regions: ['us-est-1'] }, 'regions', /unknown Region/],
    ['Region of another partition', { regions: ['cn-north-1'] }, 'regions', /belongs to partition "aws-cn"/],
    ['not a Region', { regions: ['virginia'] }, 'regions', /not a Region code/],
    ['short account id', { consumers: ['12345'] }, 'consumers', /12 digits; "12345" has 5/],
    ['group as consumer', { consumers: ['arn:aws:iam::111122223333:group/devs'] }, 'consumers', /groups are never valid principals/],
    ['session as consumer', { consumers: ['arn:aws:sts::111122223333:assumed-role/app/s'] }, 'consumers', /assumed-role session/],
    ['principals mode with an account', { access: 'principals', consumers: ['111122223333'] }, 'consumers', /names roles or users, not accounts/],
    ['principals mode with nobody', { access: 'principals', consumers: [] }, 'consumers', /needs at least one role or user/],
    ['account mode with a role', { access: 'account', consumers: ['arn:aws:iam::111122223333:role/app'] }, 'consumers', /naming one role or user has no effect/],
    ['consumer in another partition', { consumers: ['arn:aws-cn:iam::111122223333:role/app'] }, 'consumers', /partition aws-cn/],
    ['admin session', { admins: ['arn:aws:sts::111122223333:assumed-role/admin/s'] }, 'admins', /cannot administer/],
    ['kms:* as actions', { actions: ['kms:*'] }, 'actions', /administrative actions too/],
    ['typo action', { actions: ['kms:Encrpyt'] }, 'actions', /did you mean kms:Encrypt/],
    ['action without ViaService', { actions: ['kms:ListKeys'] }, 'actions', /never carries kms:ViaService/],
    ['not a KMS action', { actions: ['s3:GetObject'] }, 'actions', /not a KMS action/],
    ['unknown access', { access: 'everyone' as PolicySpec['access'] }, 'access', /unknown access mode/],
  ])('%s', (_name, patch, field, message) => {
    const errs = errors(patch);
    expect(errs.length).toBeGreaterThan(0);
    const e = errs.find((x) => x.field === field);
    expect(e, JSON.stringify(errs)).toBeDefined();
    expect(e!.message).toMatch(message);
    if (!/^(unknown access mode)/.test(e!.message)) expect(e!.hint ?? '').not.toBe('');
  });

  it('reports every problem at once', () => {
    expect(errors({ services: ['nope'], regions: ['mars-1'], consumers: ['123'] }).map((e) => e.field).sort()).toEqual(['consumers', 'regions', 'services']);
  });
});

describe('validateSpec: warnings', () => {
  // ("Control access to multi-Region keys", https://docs.aws.amazon.com/kms/latest/developerguide/multi-region-keys-auth.html) A single-Region key cannot serve another Region.
  it('warns, and says why, when a single-Region key gets another Region', () => {
    const w = resolved({ regions: ['us-east-1', 'eu-west-1'] }).warnings.find((x) => x.field === 'regions');
    expect(w?.message).toMatch(/single-Region key is used only in us-east-1/);
  });

  it('for a multi-Region key, says the replica needs the policy too', () => {
    const w = resolved({ keyArn: MRK, regions: ['eu-west-1'] }).warnings.find((x) => x.field === 'regions');
    expect(w?.hint).toMatch(/replica key policies are not synchronized/);
  });

  it('warns about cross-account consumers needing both sides', () => {
    const w = resolved({ consumers: ['444455556666'] }).warnings.find((x) => x.field === 'consumers');
    expect(w?.message).toMatch(/needs both sides/);
  });

  it('accepts a custom ViaService value not in the catalog with a warning that the catalog may be incomplete', () => {
    const s = resolved({ services: ['newsvc.us-east-1.amazonaws.com'] });
    expect(s.services).toEqual([{ name: 'newsvc', customRegion: 'us-east-1' }]);
    expect(s.warnings.find((x) => x.field === 'services')?.message).toMatch(/not in kms-wizard's service catalog/);
  });

  it('notes how generic default actions were chosen', () => {
    expect(resolved({ services: ['lambda'] }).notes.join(' ')).toMatch(/AWS managed keys allow/);
    expect(resolved({ services: ['secretsmanager'] }).notes.join(' ')).not.toMatch(/AWS managed keys allow/);
  });
});
