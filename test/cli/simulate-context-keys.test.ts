// simulate --context with kms: keys the action's requests never carry, through
// the built binary: a warning naming the key, and the decision AWS would reach
// without it (the Service Authorization Reference lists each action's keys).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';

const KEY_ARN = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const APP = 'arn:aws:iam::111122223333:role/app';
let dir: string;
let keyPolicy: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kms-wizard-context-'));
  keyPolicy = join(dir, 'key-policy.json');
  writeFileSync(
    keyPolicy,
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'Admins', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/KeyAdmin' }, Action: ['kms:Put*', 'kms:Describe*'], Resource: '*' },
        { Sid: 'ForAwsResources', Effect: 'Allow', Principal: { AWS: APP }, Action: ['kms:ReEncrypt*', 'kms:CreateGrant'], Resource: '*', Condition: { Bool: { 'kms:GrantIsForAWSResource': 'true' } } },
      ],
    }),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const simulate = (action: string, ...extra: string[]) =>
  runCli(['simulate', '--key-policy', keyPolicy, '--key-arn', KEY_ARN, '--principal', APP, '--action', action, ...extra]);

describe('simulate --context: keys the action never carries', () => {
  test('kms:GrantIsForAWSResource on kms:ReEncryptFrom: warned, with the decision without it', async () => {
    const r = await simulate('kms:ReEncryptFrom', '--context', 'kms:GrantIsForAWSResource=true');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Allow /);
    expect(r.stdout).toContain(
      '- warning: kms:GrantIsForAWSResource is not part of a kms:ReEncryptFrom request: AWS never sends it with this action; without it the decision would be ImplicitDeny, not Allow',
    );
  });

  test('--json carries the same warning in notes', async () => {
    const r = await simulate('kms:ReEncryptFrom', '--context', 'kms:GrantIsForAWSResource=true', '--json');
    const out = JSON.parse(r.stdout);
    expect(out.decision).toBe('Allow');
    expect(out.notes).toContain(
      'warning: kms:GrantIsForAWSResource is not part of a kms:ReEncryptFrom request: AWS never sends it with this action; without it the decision would be ImplicitDeny, not Allow',
    );
  });

  test('a key the action does carry (GrantIsForAWSResource on CreateGrant) gets no warning', async () => {
    const r = await simulate('kms:CreateGrant', '--context', 'kms:GrantIsForAWSResource=true');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('warning:');
  });

  test('a misspelled kms: key is not a condition key at all; the decision without it is said too', async () => {
    const r = await simulate('kms:ReEncryptFrom', '--context', 'kms:GrantIsForAwsResourc=true');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('- warning: kms:GrantIsForAwsResourc is not a KMS condition key, so no request carries it; the decision is the same without it (ImplicitDeny)');
  });
});
