// kms-wizard simulate through the real built binary (KMS_WIZARD_BIN for a private build).
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';

const FIX = 'test/fixtures/evaluate';
const KEY_ARN = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const JOHN = 'arn:aws:iam::111122223333:user/John';
const SECRETS = 'secretsmanager.us-east-1.amazonaws.com';
const ESC = '\u001B[';

const base = (keyPolicy = 'key-policy-root-via-secrets.json') => ['simulate', '--key-policy', `${FIX}/${keyPolicy}`, '--key-arn', KEY_ARN];

describe('kms-wizard simulate: one request', () => {
  test('allowed through the named service: exit 0, summary and trace', async () => {
    const r = await runCli([...base(), '--iam-policy', `${FIX}/iam-john.json`, '--principal', JOHN, '--action', 'kms:Decrypt', '--via-service', SECRETS]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Allow {2}kms:Decrypt by arn:aws:iam::111122223333:user\/John/);
    expect(r.stdout).toContain(`allowed: key policy statement 2 "AllowUseThroughSecretsManager" lets account 111122223333 use the key through ${SECRETS}, and an IAM policy allows it (${FIX}/iam-john.json statement 1 "UseTheKey")`);
    expect(r.stdout).toMatch(/✓ StringEquals kms:ViaService: expected "secretsmanager\.us-east-1\.amazonaws\.com", got "secretsmanager\.us-east-1\.amazonaws\.com"/);
    expect(r.stdout).not.toContain(ESC);
  });

  test('a direct call is an implicit deny: exit 1, with the failed condition and its values', async () => {
    const r = await runCli([...base(), '--iam-policy', `${FIX}/iam-john.json`, '--principal', JOHN, '--action', 'kms:Decrypt']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^ImplicitDeny {2}/);
    expect(r.stdout).toContain('this call came directly');
    expect(r.stdout).toMatch(/✗ StringEquals kms:ViaService: expected "secretsmanager\.us-east-1\.amazonaws\.com", got \(absent\)/);
  });

  test('--json gives the decision, summary, trace and request', async () => {
    const r = await runCli([...base('key-policy-deny-encryption-context.json'), '--principal', 'arn:aws:sts::111122223333:assumed-role/app/s1', '--action', 'kms:Decrypt', '--encryption-context', 'tenant=globex', '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.decision).toBe('ExplicitDeny');
    expect(out.summary).toMatch(/"DenyOtherTenants" denies kms:Decrypt/);
    expect(out.request).toEqual({ principal: 'arn:aws:sts::111122223333:assumed-role/app/s1', action: 'kms:Decrypt', keyArn: KEY_ARN, encryptionContext: { tenant: 'globex' } });
    expect(out.keyPolicy.statements[1]).toMatchObject({ sid: 'DenyOtherTenants', applies: true, effect: 'Deny' });
    expect(out.notes.join()).toMatch(/aws:PrincipalArn of a session is its role's ARN/);
  });

  test('--context sets condition keys; a repeated key becomes multivalued; kms:EncryptionContext: goes to the encryption context', async () => {
    const allowed = await runCli([...base('key-policy-deny-encryption-context.json'), '--principal', 'arn:aws:iam::111122223333:role/app', '--action', 'kms:Decrypt', '--context', 'kms:EncryptionContext:tenant=acme', '--json']);
    expect(JSON.parse(allowed.stdout).decision).toBe('Allow');
    expect(allowed.code).toBe(0);
    const multi = await runCli([...base(), '--principal', JOHN, '--action', 'kms:Decrypt', '--context', 'aws:TagKeys=a', '--context', 'aws:TagKeys=b', '--json']);
    expect(JSON.parse(multi.stdout).request.context).toEqual({ 'aws:TagKeys': ['a', 'b'] });
  });

  test('an account id as --principal means its root user', async () => {
    const r = await runCli([...base('key-policy-default-plus-via.json'), '--principal', '111122223333', '--action', 'kms:Decrypt']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/root user needs no IAM policy/);
  });

  test('NO_COLOR unset with FORCE_COLOR: the decision is coloured', async () => {
    const r = await runCli([...base(), '--principal', JOHN, '--action', 'kms:Decrypt'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(r.stdout).toContain(ESC);
  });
});

describe('kms-wizard simulate --matrix', () => {
  test('prints every scenario with its decision and reason, exit 0', async () => {
    const r = await runCli(['simulate', '--matrix', '--key-policy', `${FIX}/key-policy-root-via-secrets.json`, '--iam-policy', `${FIX}/iam-john.json`, '--key-arn', KEY_ARN]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Allow +a role in 111122223333 with its IAM policy via AWS Secrets Manager in us-east-1$/m);
    expect(r.stdout).toMatch(/^ImplicitDeny +a role in 111122223333 with its IAM policy calling KMS directly$/m);
    expect(r.stdout).toMatch(/^ImplicitDeny +a principal of 111122223333 with no IAM policy via AWS Secrets Manager in us-east-1$/m);
    expect(r.stdout).toContain('6 scenarios: 1 allowed, 5 denied.');
  });

  test('--json gives the rows; --principal picks the consumers', async () => {
    const r = await runCli(['simulate', '--matrix', '--json', '--key-policy', `${FIX}/key-policy-star-via-secrets.json`, '--key-arn', KEY_ARN, '--principal', 'arn:aws:iam::111122223333:role/app']);
    const out = JSON.parse(r.stdout);
    expect(out.action).toBe('kms:Decrypt');
    const row = out.rows.find((x: { scenario: string }) => x.scenario === 'role/app in 111122223333 via AWS Secrets Manager in us-east-1');
    expect(row).toMatchObject({ decision: 'Allow', request: { principal: 'arn:aws:iam::111122223333:role/app', viaService: SECRETS } });
  });

  test('per-request flags are refused with --matrix', async () => {
    const r = await runCli(['simulate', '--matrix', '--key-policy', `${FIX}/key-policy-root-via-secrets.json`, '--key-arn', KEY_ARN, '--via-service', SECRETS]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--via-service has no use with --matrix/);
  });
});

describe('kms-wizard simulate: usage errors and bad files exit 2, never a stack trace', () => {
  test.each([
    [['--principal', JOHN, '--action', 'kms:Decrypt'], /missing --key-policy, --key-arn\. For example: kms-wizard simulate --key-policy/, false],
    [['--key-policy', `${FIX}/iam-john.json`, '--principal', JOHN, '--action', 'kms:Decrypt'], /missing --key-arn\./, false],
    [['--matrix'], /missing --key-policy, --key-arn\. .* --matrix/, false],
    [['--key-policy', `${FIX}/iam-john.json`, '--key-arn', 'alias/app', '--principal', JOHN, '--action', 'kms:Decrypt'], /--key-arn: "alias\/app" is an alias name/, false],
    [['--key-policy', `${FIX}/iam-john.json`, '--key-arn', KEY_ARN, '--action', 'kms:Decrypt'], /missing --principal\./, false],
    [['--key-policy', `${FIX}/iam-john.json`, '--key-arn', KEY_ARN, '--principal', JOHN], /missing --action\./, false],
    [['--key-policy', `${FIX}/iam-john.json`, '--key-arn', KEY_ARN, '--principal', 'John', '--action', 'kms:Decrypt'], /--principal: "John" is not an IAM principal ARN/, false],
    [['--key-policy', `${FIX}/iam-john.json`, '--key-arn', KEY_ARN, '--principal', JOHN, '--action', 'kms:Decrpyt'], /did you mean kms:Decrypt\?/, false],
    [['--key-policy', `${FIX}/iam-john.json`, '--key-arn', KEY_ARN, '--principal', JOHN, '--action', 'kms:*'], /not a pattern/, false],
    [['--key-policy', `${FIX}/iam-john.json`, '--key-arn', KEY_ARN, '--principal', JOHN, '--action', 'kms:Decrypt', '--via-service', 'secretsmanager.amazonaws.com'], /<service>\.<region>\.amazonaws\.com/, false],
    [['--key-policy', `${FIX}/iam-john.json`, '--key-arn', KEY_ARN, '--principal', JOHN, '--action', 'kms:Decrypt', '--via-service', 's3.cn-north-1.amazonaws.com.cn'], /\.amazonaws\.com in every partition/, false],
    [['--key-policy', `${FIX}/iam-john.json`, '--key-arn', KEY_ARN, '--principal', JOHN, '--action', 'kms:Decrypt', '--context', 'novalue'], /--context takes KEY=VALUE/, false],
    [['--key-policy', `${FIX}/iam-john.json`, '--key-arn', KEY_ARN, '--principal', JOHN, '--principal', JOHN, '--action', 'kms:Decrypt'], /one --principal per request/, false],
    [['--key-polcy', 'x'], /unknown option --key-polcy \(did you mean --key-policy\?\)/, false],
    [['--key-policy', 'missing.json', '--iam-policy', 'gone.json', '--key-arn', KEY_ARN, '--principal', JOHN, '--action', 'kms:Decrypt'], /cannot read missing\.json: no such file\ncannot read gone\.json: no such file/, true],
    [['--key-policy', `${FIX}/not-json.json`, '--key-arn', KEY_ARN, '--principal', JOHN, '--action', 'kms:Decrypt'], /not-json\.json:4:26: Invalid JSON: trailing comma/, true],
    [['--key-policy', FIX, '--key-arn', KEY_ARN, '--principal', JOHN, '--action', 'kms:Decrypt'], /cannot read test\/fixtures\/evaluate: it is a directory/, true],
  ])('%j', async (args, message, fileProblem) => {
    const r = await runCli(['simulate', ...(args as string[])]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message as RegExp);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    if (!fileProblem) expect(r.stderr).toContain('Run "kms-wizard simulate --help" for usage.');
  });

  test('--help prints usage and exit codes', async () => {
    const r = await runCli(['simulate', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^kms-wizard simulate: /);
    expect(r.stdout).toContain('Exit codes: 0 Allow');
  });
});

describe('kms-wizard simulate on odd documents: an answer or a clear error, never a crash', () => {
  test.each([
    ['a list', '[1, 2, 3]', 2],
    ['a string', '"a string"', 2],
    ['an empty object', '{}', 1],
    ['a Statement that is a string', '{"Statement": "nonsense"}', 1],
    ['wrong types everywhere', '{"Statement": [{"Effect": "Allow", "Principal": {"AWS": {"nested": [1, {"x": null}]}}, "Action": 7, "Resource": [], "Condition": {"StringEquals": {"kms:ViaService": {"a": 1}}}}]}', 1],
    ['5000 levels of nesting', `{"Statement": ${'['.repeat(5000)}${']'.repeat(5000)}}`, 1],
  ])('%s', async (_, doc, code) => {
    const r = await runCli(['simulate', '--key-policy', '-', '--key-arn', KEY_ARN, '--principal', JOHN, '--action', 'kms:Decrypt'], { input: doc });
    expect(r.code).toBe(code);
    expect(r.stderr).not.toMatch(/unexpected error|\n\s+at /);
    if (code === 2) expect(r.stderr).toMatch(/^kms-wizard simulate: <stdin>:1:1: /);
    else expect(r.stdout).toMatch(/^ImplicitDeny/);
  });
});
