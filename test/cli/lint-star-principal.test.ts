// "*" limited only by kms:CallerAccount through the built binary: with
// administrative actions an error (KW408) naming them and the fix; with use
// actions only, still the informational KW403.
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';

const ADMIN = {
  Sid: 'KeyAdministrators',
  Effect: 'Allow',
  Principal: { AWS: 'arn:aws:iam::111122223333:role/KeyAdmin' },
  Action: ['kms:Create*', 'kms:Describe*', 'kms:Enable*', 'kms:List*', 'kms:Put*', 'kms:Update*', 'kms:Revoke*', 'kms:Disable*', 'kms:Get*', 'kms:Delete*', 'kms:TagResource', 'kms:UntagResource', 'kms:ScheduleKeyDeletion', 'kms:CancelKeyDeletion', 'kms:RotateKeyOnDemand'],
  Resource: '*',
};
const accountWide = (Action: string | string[]) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [ADMIN, { Sid: 'EveryoneInTheAccount', Effect: 'Allow', Principal: { AWS: '*' }, Action, Resource: '*', Condition: { StringEquals: { 'kms:CallerAccount': '111122223333' } } }] }, null, 2);

describe('lint: "*" limited only by kms:CallerAccount', () => {
  test('with kms:* it is an error naming the actions it gives away and the fix', async () => {
    const r = await runCli(['lint', '-'], { input: accountWide('kms:*') });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/error +KW408 +Statement "EveryoneInTheAccount" allows kms:PutKeyPolicy, kms:ScheduleKeyDeletion, kms:CreateGrant \(through kms:\*\) to "\*" limited only to account 111122223333/);
    expect(r.stdout).toMatch(/hint: Name the key administrators in Principal .* or use the account root \(arn:aws:iam::111122223333:root\) so that IAM policies decide/);
    expect(r.stdout).not.toMatch(/KW403/);
  });

  test('an unconditioned CreateGrant alone is enough for the error', async () => {
    const r = await runCli(['lint', '-', '--json'], { input: accountWide(['kms:Decrypt', 'kms:CreateGrant']) });
    expect(r.code).toBe(1);
    const f = JSON.parse(r.stdout).files[0].findings.find((x: { code: string }) => x.code === 'KW408');
    expect(f).toMatchObject({ severity: 'error', pointer: '/Statement/1/Principal' });
    expect(f.message).toMatch(/allows kms:CreateGrant to "\*"/);
  });

  test('with use actions only it stays the informational KW403, exit 0', async () => {
    const r = await runCli(['lint', '-'], { input: accountWide(['kms:Decrypt', 'kms:GenerateDataKey']) });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/info +KW403 +Principal "\*" limited by kms:CallerAccount/);
    expect(r.stdout).not.toMatch(/KW408/);
  });
});
