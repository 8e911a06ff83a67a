// The key-administrator actions through the built binary: the console's list
// ("Default key policy", https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html)
// now ends with kms:RotateKeyOnDemand, which no wildcard matches.
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';

const KEY_ARN = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

describe('administrator actions include kms:RotateKeyOnDemand', () => {
  test('generate: the administrators can rotate on demand and still get no cryptographic action', async () => {
    const r = await runCli(['generate', '--key-arn', KEY_ARN, '--service', 'secretsmanager', '--admin', 'arn:aws:iam::111122223333:role/KeyAdmin', '--stdout', '--json']);
    expect(r.code).toBe(0);
    const admins = JSON.parse(r.stdout).keyPolicy.Statement.find((s: { Sid: string }) => s.Sid === 'KeyAdministrators');
    expect(admins.Action).toContain('kms:RotateKeyOnDemand');
    expect(admins.Action).toContain('kms:Put*');
    for (const crypto of ['kms:Decrypt', 'kms:Encrypt', 'kms:CreateGrant', 'kms:Create*', 'kms:*']) expect(admins.Action).not.toContain(crypto);
  });

  test("lint's lockout fix names it, and the generated policy still passes the lockout check", async () => {
    const lockedOut = await runCli(['lint', '-'], {
      input: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:Decrypt', Resource: '*' }] }),
    });
    expect(lockedOut.code).toBe(1);
    expect(lockedOut.stdout).toMatch(/KW601 .*Action kms:CreateAlias, .*kms:CancelKeyDeletion, kms:RotateKeyOnDemand\./);

    const gen = await runCli(['generate', '--key-arn', KEY_ARN, '--service', 'secretsmanager', '--stdout', '--json']);
    const lint = await runCli(['lint', '-', '--type', 'key', '--json'], { input: JSON.stringify(JSON.parse(gen.stdout).keyPolicy) });
    expect(lint.code).toBe(0);
    expect(JSON.parse(lint.stdout).files[0].findings.map((f: { code: string }) => f.code)).not.toContain('KW601');
  });
});
