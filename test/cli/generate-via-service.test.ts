// generate --service with a kms:ViaService value that lacks its Region, through
// the built binary: the message says what is missing, in lint's (KW305) words.
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';

const KEY_ARN = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

describe('generate --service: a ViaService value without its Region', () => {
  test('names the missing Region and both fixes, exit 2, nothing written', async () => {
    const r = await runCli(['generate', '--key-arn', KEY_ARN, '--service', 'secretsmanager.amazonaws.com', '--stdout']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--service "secretsmanager.amazonaws.com": the kms:ViaService value "secretsmanager.amazonaws.com" has no Region, so it never matches (the Region is part of the value)');
    expect(r.stderr).toContain('fix: Give the service by name, --service secretsmanager (its Regions come from --region, by default the key\'s Region), or a full value such as secretsmanager.us-east-1.amazonaws.com');
  });

  test('lint says the same of the value in a policy', async () => {
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: KEY_ARN, Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.amazonaws.com' } } }] };
    const r = await runCli(['lint', '-'], { input: JSON.stringify(policy) });
    expect(r.stdout).toMatch(/KW305 +kms:ViaService value "secretsmanager\.amazonaws\.com" has no Region, so it never matches/);
  });

  test('a value that is not ViaService-shaped says which form is expected', async () => {
    const r = await runCli(['generate', '--key-arn', KEY_ARN, '--service', 'a.b.c.amazonaws.com', '--stdout']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"a.b.c.amazonaws.com" is not of the form <service>.<region>.amazonaws.com');
  });
});
