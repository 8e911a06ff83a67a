// The wizard takes the accounts' exports (for the review's "Who can" tab) and checks them before
// anything is drawn, as it checks --from: the built binary, without a terminal.
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { ORG_DIR, ORG_KEY } from '../helpers/who-can-org.js';

const D = ORG_DIR;
const KEY = ORG_KEY;

describe('kms-wizard --account-details', () => {
  test('needs --key-arn: the key the exports are of (exit 2)', async () => {
    const r = await runCli(['--account-details', `${D}/prod-account.json`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/need --key-arn ARN: the key they were exported for/);
  });

  test('a malformed export exits 1 naming the file and the field, before the no-terminal refusal', async () => {
    const r = await runCli(['--key-arn', KEY, '--account-details', `${D}/prod-account.json`, '--grants', `${D}/key-policy.json`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/key-policy\.json: Grants: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test('good exports, no terminal: the usual refusal (exit 2)', async () => {
    const r = await runCli(['--key-arn', KEY, '--account-details', `${D}/prod-account.json`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/the wizard needs a terminal/);
  });

  test('an export from standard input is refused: the wizard reads keys from it', async () => {
    const r = await runCli(['--key-arn', KEY, '--account-details', '-']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/the wizard reads your keys from it/);
  });
});
