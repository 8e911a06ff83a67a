// Every command reads every input lint reads (issue 18): aws kms
// get-key-policy's JSON output, Terraform plans (terraform show -json),
// CloudFormation/SAM templates in YAML with short-form tags and in JSON, CDK
// synth output; a policy of a plan or template is picked the same way in
// every command (--policy NAME), and a file with several is several policies.
// Through the real built binary.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';

const IAC = 'test/fixtures/iac';
const SAM = `${IAC}/sam-key-and-function.yaml`;
const TWO_KEYS = `${IAC}/cfn-two-keys.yaml`;
const CDK = `${IAC}/cdk-app.template.json`;
const PLAN = `${IAC}/tf-1.9-modules.json`;
const CONSOLE = 'test/fixtures/current-policy/console-default.json';
// Intrinsics give the documentation account of "Pseudo parameters reference" (AWS CloudFormation User Guide).
const TEMPLATE_KEY = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const CONSOLE_KEY = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

/**
 * What `aws kms get-key-policy --key-id ARN --policy-name default --output json`
 * prints without --query Policy: the policy as a JSON string beside its name
 * (GetKeyPolicy response syntax, AWS KMS API Reference).
 */
function getKeyPolicyOutput(dir: string, policyFile: string): string {
  const path = join(dir, 'get-key-policy.json');
  writeFileSync(path, `${JSON.stringify({ Policy: readFileSync(policyFile, 'utf8'), PolicyName: 'default' }, null, 4)}\n`);
  return path;
}

describe('explain reads plans and templates as lint does', () => {
  test('a YAML template with short-form tags: each policy explained under its logical id (it was "Invalid JSON")', async () => {
    const r = await runCli(['explain', TWO_KEYS]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/Invalid JSON/);
    for (const [id, kind] of [['RestrictedKey', 'key policy'], ['PlainKey', 'key policy'], ['UseRestrictedKey', 'IAM policy'], ['UsePlainKey', 'IAM policy']]) {
      expect(r.stdout).toMatch(new RegExp(`^test/fixtures/iac/cfn-two-keys\\.yaml ${id} \\(${kind}\\)$`, 'm'));
    }
    // !Sub over pseudo parameters is resolved; the cross-policy finding is on the template's own line.
    expect(r.stdout).toMatch(/"AppThroughSecretsManager": Lets .* use Decrypt and GenerateDataKey, only when the call comes through AWS Secrets Manager in us-east-1\./);
    expect(r.stdout).toMatch(/cfn-two-keys\.yaml:47:21 +error +KW704/);
  });

  test('a Terraform plan: every policy under its address, and what the plan says of keys without one (it was "format_version is not a policy element")', async () => {
    const r = await runCli(['explain', PLAN]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/format_version/);
    expect(r.stdout).toMatch(/^test\/fixtures\/iac\/tf-1\.9-modules\.json module\.app\["billing"\]\.aws_kms_key\.this \(key policy\)$/m);
    expect(r.stdout).toMatch(/^test\/fixtures\/iac\/tf-1\.9-modules\.json aws_iam_role\.app\.inline_policy\["kms-use"\] \(IAM policy\)$/m);
    expect(r.stdout).toMatch(/^test\/fixtures\/iac\/tf-1\.9-modules\.json aws_kms_key\.logs\[0\]: not explained\n {2}This key has no key policy, so KMS gives it the default key policy/m);
  });

  test('CDK synth output with --json: each policy names its resource; --policy NAME keeps only that one', async () => {
    const all = JSON.parse((await runCli(['explain', CDK, '--json'])).stdout) as { files: { file: string; resource?: string; kind: string }[] };
    expect(all.files.map((f) => [f.resource, f.kind])).toEqual([['AppRoleDefaultPolicy7A0B9F2E', 'iam'], ['SecretsKey4B9B3A2D', 'key']]);
    const one = await runCli(['explain', CDK, '--json', '--policy', 'SecretsKey4B9B3A2D']);
    expect(one.code).toBe(0);
    expect((JSON.parse(one.stdout) as typeof all).files.map((f) => f.resource)).toEqual(['SecretsKey4B9B3A2D']);
  });

  test('--policy naming no policy: exit 2 with the names there are; --policy with only policy files: exit 2', async () => {
    const r = await runCli(['explain', TWO_KEYS, '--policy', 'NoSuchKey']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no policy is named "NoSuchKey"; the policies are: RestrictedKey, PlainKey, UseRestrictedKey, UsePlainKey');
    const plain = await runCli(['explain', CONSOLE, '--policy', 'X']);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toMatch(/--policy picks a policy of a Terraform plan or CloudFormation template, but no FILE is one/);
  });

  test("get-key-policy's JSON output: explained as the key policy inside it", async () => {
    const wrapped = getKeyPolicyOutput(mkdtempSync(join(tmpdir(), 'kmsw-inputs-')), CONSOLE);
    const r = await runCli(['explain', wrapped]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/get-key-policy\.json \(key policy\)\n {2}1\. "Enable IAM User Permissions": Lets IAM policies in account 111122223333 grant every KMS action/);
    expect(r.stdout).not.toMatch(/"Policy" is not/);
  });
});

describe('lint reads get-key-policy output too', () => {
  test('findings inside the Policy string are on the lines of the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kmsw-inputs-'));
    const open = join(dir, 'open.json');
    writeFileSync(open, JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'kms:*', Resource: '*' }] }));
    const wrapped = getKeyPolicyOutput(dir, open);
    const r = await runCli(['lint', wrapped, '--format', 'json']);
    expect(r.code).toBe(1);
    const file = (JSON.parse(r.stdout) as { files: { kind: string; findings: { code: string; line: number; column: number }[] }[] }).files[0]!;
    expect(file.kind).toBe('key');
    const star = file.findings.find((f) => f.code === 'KW401')!;
    // The wrapper is pretty-printed: the Policy string is on line 2, after `    "Policy": `.
    expect(star.line).toBe(2);
    // At the value "*" as the file writes it inside the string: \"*\"
    expect(readFileSync(wrapped, 'utf8').split('\n')[1]!.slice(star.column - 1)).toMatch(/^\\"\*\\"/);
  });
});

describe('simulate takes the key policy of a template or plan', () => {
  const request = ['--key-arn', TEMPLATE_KEY, '--principal', 'arn:aws:iam::123456789012:role/app', '--action', 'kms:Decrypt'];

  test('a SAM template with one key policy: the decision, naming the resource (it was "Invalid JSON")', async () => {
    const via = await runCli(['simulate', '--key-policy', SAM, ...request, '--via-service', 'secretsmanager.us-east-1.amazonaws.com']);
    expect(via.stderr).toBe('');
    expect(via.code).toBe(0);
    expect(via.stdout).toMatch(/^Allow {2}kms:Decrypt/);
    expect(via.stdout).toContain('Key policy (test/fixtures/iac/sam-key-and-function.yaml SecretsKey):');
    const direct = await runCli(['simulate', '--key-policy', SAM, ...request]);
    expect(direct.code).toBe(1);
    expect(direct.stdout).toMatch(/^ImplicitDeny/);
  });

  test('a template with two key policies: exit 2 naming both and --policy; --policy NAME picks one', async () => {
    const r = await runCli(['simulate', '--key-policy', TWO_KEYS, ...request]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cfn-two-keys.yaml has 2 key policies (RestrictedKey, PlainKey): pick one with --policy NAME, e.g. --policy RestrictedKey');
    const picked = await runCli(['simulate', '--key-policy', TWO_KEYS, '--policy', 'PlainKey', ...request.slice(0, 2), '--principal', '123456789012', '--action', 'kms:Decrypt']);
    expect(picked.code).toBe(0);
    expect(picked.stdout).toContain('Key policy (test/fixtures/iac/cfn-two-keys.yaml PlainKey):');
    const iam = await runCli(['simulate', '--key-policy', TWO_KEYS, '--policy', 'UsePlainKey', ...request]);
    expect(iam.code).toBe(2);
    expect(iam.stderr).toContain('cfn-two-keys.yaml UsePlainKey is an IAM policy, not a key policy');
  });

  test('a key left with the default key policy: exit 2 saying so', async () => {
    const r = await runCli(['simulate', '--key-policy', `${IAC}/sam-function.yaml`, ...request]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/sam-function\.yaml has no key policy to read .*\nAppKey: This key has no key policy, so KMS gives it the default key policy/);
  });

  test("--iam-policy with a template: each of its IAM policies is attached (the function's own grants)", async () => {
    const r = await runCli(['simulate', '--key-policy', SAM, '--iam-policy', SAM, ...request, '--via-service', 'secretsmanager.us-east-1.amazonaws.com']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/IAM policies of the principal:\n.*sam-key-and-function\.yaml ReadSecrets\/Policies\[1\] statement 1 "DecryptSecrets"/);
  });

  test('a Terraform plan whose data source writes the key policy: the key resource is the one policy', async () => {
    const r = await runCli(['simulate', '--key-policy', `${IAC}/tf-0.12.json`, '--key-arn', CONSOLE_KEY, '--principal', '111122223333', '--action', 'kms:Decrypt']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Key policy (test/fixtures/iac/tf-0.12.json aws_kms_key.disks):');
  });
});

describe('diff, generate --from and the wizard --from read templates, plans and get-key-policy output', () => {
  test('diff of a template against itself and of get-key-policy output against the policy: no change, exit 0', async () => {
    const same = await runCli(['diff', SAM, SAM, '--key-arn', TEMPLATE_KEY]);
    expect(same.stderr).toBe('');
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('sam-key-and-function.yaml SecretsKey -> test/fixtures/iac/sam-key-and-function.yaml SecretsKey');
    const wrapped = getKeyPolicyOutput(mkdtempSync(join(tmpdir(), 'kmsw-inputs-')), CONSOLE);
    const r = await runCli(['diff', wrapped, CONSOLE, '--key-arn', CONSOLE_KEY, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ added: [], removed: [] });
  });

  test('diff between two keys of one template: --policy applies to both files; without it, exit 2 naming the choice', async () => {
    const r = await runCli(['diff', TWO_KEYS, SAM, '--key-arn', TEMPLATE_KEY]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cfn-two-keys.yaml has 2 key policies (RestrictedKey, PlainKey): pick one with --policy NAME');
    const picked = await runCli(['diff', TWO_KEYS, TWO_KEYS, '--policy', 'RestrictedKey', '--key-arn', TEMPLATE_KEY]);
    expect(picked.code).toBe(0);
  });

  test('generate --from a YAML template: the template key policy is the current one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kmsw-inputs-'));
    const r = await runCli(['generate', '--from', join(process.cwd(), SAM), '--key-arn', TEMPLATE_KEY, '--service', 'secretsmanager', '--consumer', 'arn:aws:iam::123456789012:role/app', '--json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { from: { sid?: string }[] };
    expect(out.from.map((s) => s.sid)).toEqual(expect.arrayContaining(['KeyAdministrators', 'AppThroughSecretsManager']));
  });

  test('generate --policy without --from: exit 2', async () => {
    const r = await runCli(['generate', '--key-arn', TEMPLATE_KEY, '--service', 's3', '--consumer', 'arn:aws:iam::123456789012:role/app', '--policy', 'K', '--stdout']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--policy needs --from FILE');
  });

  test('the wizard --from a template with two keys: exit 2 naming them before anything is drawn; with --policy the file is accepted', async () => {
    const r = await runCli(['--from', TWO_KEYS, '--key-arn', TEMPLATE_KEY]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cfn-two-keys.yaml has 2 key policies (RestrictedKey, PlainKey): pick one with --policy NAME');
    const picked = await runCli(['--from', TWO_KEYS, '--policy', 'RestrictedKey', '--key-arn', TEMPLATE_KEY]);
    // The file is read; without a terminal the wizard then refuses to start (not a file error).
    expect(picked.code).toBe(2);
    expect(picked.stderr).not.toMatch(/key policies|--from:/);
    expect(picked.stderr).toMatch(/terminal|interactive/);
  });
});
