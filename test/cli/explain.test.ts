// kms-wizard explain through the real built binary (KMS_WIZARD_BIN for a private build).
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';

const FIX = 'test/fixtures/evaluate';
const KEY_ARN = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

describe('kms-wizard explain', () => {
  test('explains statement by statement, says what is not allowed, sums up and ends with the lint findings', async () => {
    const r = await runCli(['explain', `${FIX}/key-policy-default-plus-via.json`, `${FIX}/iam-john.json`, '--key-arn', KEY_ARN]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^test\/fixtures\/evaluate\/key-policy-default-plus-via\.json \(key policy\)$/m);
    expect(r.stdout).toContain(
      '2. "AllowUseThroughSecretsManager": Lets IAM policies in account 111122223333 grant Decrypt and GenerateDataKey, only when the call comes through AWS Secrets Manager in us-east-1 from that account.',
    );
    expect(r.stdout).toMatch(/Does not allow: direct calls to KMS \(SDK, CLI, console\); calls through any other service; calls through AWS Secrets Manager in other Regions than us-east-1;/);
    expect(r.stdout).toMatch(/In short: .*can be bypassed/);
    expect(r.stdout).toMatch(/Lint: 1 finding\n +test\/fixtures\/evaluate\/key-policy-default-plus-via\.json:\d+:\d+ +error +KW602/);
    expect(r.stdout).toMatch(/iam-john\.json \(IAM policy\)\n +1\. "UseTheKey": Allows Decrypt and GenerateDataKey\* \(4 actions\) on this key\./);
    // John's direct Decrypt is the bypass the root statement opens (the classic example of the KMS facts).
    expect(r.stdout).toMatch(/iam-john\.json:\d+:\d+ +error +KW704/);
  });

  test('the example as it circulates: detected as a key policy, explained as invalid, with what it meant and the lint errors', async () => {
    const r = await runCli(['explain', `${FIX}/key-policy-as-circulated.json`]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('(key policy)');
    expect(r.stdout).toMatch(/Not valid: unknown element "Pricipal" \(did you mean "Principal"\?\)/);
    expect(r.stdout).toMatch(/Once the element names are fixed it would read: Lets IAM policies in account 111122223333 grant Encrypt, Decrypt/);
    expect(r.stdout).toMatch(/error +KW101 +"Pricipal" is not a statement element/);
  });

  test('--json: explanations and findings per file; reads standard input with -', async () => {
    const r = await runCli(['explain', '-', '--json', '--key-arn', KEY_ARN], { input: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:Decrypt","Resource":"arn:aws:kms:us-east-1:111122223333:alias/app"}]}' });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.files[0]).toMatchObject({ file: '<stdin>', kind: 'iam' });
    expect(out.files[0].statements[0].text).toMatch(/alias ARN .* never matches a key/);
    expect(out.files[0].findings.some((f: { severity: string; line: number }) => f.severity === 'error' && f.line === 1)).toBe(true);
  });

  test('--type forces the kind', async () => {
    const r = await runCli(['explain', '--type', 'iam', `${FIX}/key-policy-star-via-secrets.json`, '--json']);
    expect(JSON.parse(r.stdout).files[0].kind).toBe('iam');
  });

  test.each([
    [[], /give at least one policy FILE/],
    [['nope.json'], /cannot read nope\.json: no such file/],
    [[`${FIX}/not-json.json`], /not-json\.json:4:26: Invalid JSON: trailing comma/],
    [['--type', 'kee', `${FIX}/iam-john.json`], /--type must be "key" or "iam", not "kee" \(did you mean key\?\)/],
    [['--key-arn', 'arn:aws:kms:us-east-1:111122223333:alias/x', `${FIX}/iam-john.json`], /--key-arn: .* is an alias ARN/],
  ])('%j exits 2 with a clear message', async (args, message) => {
    const r = await runCli(['explain', ...(args as string[])]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test('a JSON value that is not an object is a bad file', async () => {
    const r = await runCli(['explain', '-'], { input: '[1, 2]' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/<stdin>:1:1: /);
  });
});
