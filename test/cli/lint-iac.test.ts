// kms-wizard lint on Terraform plans and CloudFormation templates, through the
// real built binary: where findings are reported (text, JSON, SARIF), exit
// codes, --input, and that the YAML parser is a chunk of its own.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CLI_BIN, runCli } from '../helpers/cli.js';

const FIX = 'test/fixtures/iac';

interface JsonReport {
  files: { file: string; resource?: string; kind: string | null; findings: { code: string; severity: string; line: number; column: number; pointer: string }[] }[];
  summary: { files: number; errors: number; warnings: number; infos: number };
}

describe('text output', () => {
  test('template.yaml:LINE:COL  Resource  severity  CODE  message; exit 1 on errors', async () => {
    const r = await runCli(['lint', `${FIX}/cfn-findings.yaml`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^test\/fixtures\/iac\/cfn-findings\.yaml:24:26 {2}DataKey {2}error {4}KW401 {2}Principal "\*" with no Condition/m);
    expect(r.stdout).toMatch(/^test\/fixtures\/iac\/cfn-findings\.yaml:44:32 {2}ReaderRole\/read-data {2}error {4}KW501 /m);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('Found 2 errors, 0 warnings, 0 info in 1 file.');
  });

  test('a clean template: each policy named with "no problems", exit 0', async () => {
    const r = await runCli(['lint', `${FIX}/cfn-clean.yaml`]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('test/fixtures/iac/cfn-clean.yaml SecretsKey: no problems (key policy)');
    expect(r.stdout).toContain('test/fixtures/iac/cfn-clean.yaml AppPolicy: no problems (IAM policy)');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('No problems found in 1 file.');
  });

  test('a Terraform plan with an unknown policy and a default-policy key: info findings, exit 1 for the errors only', async () => {
    const r = await runCli(['lint', `${FIX}/tf-1.9-modules.json`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/tf-1\.9-modules\.json:\d+:\d+ {2}module\.app\["orders"\]\.aws_iam_policy\.use {2}info {5}KW901 {2}This policy is known only after terraform apply/);
    expect(r.stdout).toMatch(/tf-1\.9-modules\.json:\d+:\d+ {2}aws_kms_key\.logs\[0\] {2}info {5}KW902 {2}This key has no key policy, so KMS gives it the default key policy/);
    expect(r.stdout).toMatch(/tf-1\.9-modules\.json:257:820 {2}module\.app\["billing"\]\.aws_kms_key\.this {2}error {4}KW401/);
  });

  test('the cross-policy bypass in a CDK synth template, exit 1', async () => {
    const r = await runCli(['lint', `${FIX}/cdk-app.template.json`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^test\/fixtures\/iac\/cdk-app\.template\.json:29:18 {2}AppRoleDefaultPolicy7A0B9F2E {2}error {4}KW704 /m);
  });

  test('templates, plans and plain policies together: each read its own way', async () => {
    const r = await runCli(['lint', `${FIX}/cfn-clean.yaml`, 'test/fixtures/lint/corrected-key-policy.json', `${FIX}/tf-1.0.json`]);
    expect(r.stdout).toContain('test/fixtures/lint/corrected-key-policy.json: no problems (key policy)');
    expect(r.stdout).toMatch(/tf-1\.0\.json:113:100 {2}aws_iam_group_policy\.devs {2}error {4}KW502/);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('Found 1 error, 0 warnings, 0 info in 3 files.');
  });

  test('a YAML template from standard input', async () => {
    const r = await runCli(['lint', '-'], { input: readFileSync(`${FIX}/cfn-findings.yaml`, 'utf8') });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^<stdin>:24:26 {2}DataKey {2}error {4}KW401 /m);
  });

  test('a resource name with control characters is shown escaped', async () => {
    const template = '{"Resources": {"K\\u001b[2J": {"Type": "AWS::IAM::Policy", "Properties": {"PolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "alias/x"}]}}}}}';
    const r = await runCli(['lint', '-'], { input: template });
    expect(r.stdout).not.toContain('\u001b[2J');
    expect(r.stdout).toContain('K\\u001b[2J');
  });
});

describe('JSON and SARIF', () => {
  test('each policy is an entry of files with file, resource and kind; findings have template lines', async () => {
    const r = await runCli(['lint', '--json', `${FIX}/sam-function.yaml`]);
    const out = JSON.parse(r.stdout) as JsonReport;
    expect(out.files.map((f) => [f.file, f.resource, f.kind])).toEqual([
      [`${FIX}/sam-function.yaml`, 'AppKey', 'key'],
      [`${FIX}/sam-function.yaml`, 'ReadFunction/Policies[2]', 'iam'],
      [`${FIX}/sam-function.yaml`, 'WriteFunction/Policies', 'iam'],
    ]);
    expect(out.files[1]!.findings).toMatchObject([{ code: 'KW501', severity: 'error', line: 27, column: 30, pointer: '/Statement/0/Resource' }]);
    expect(out.summary).toEqual({ files: 3, errors: 1, warnings: 1, infos: 1 });
  });

  test('plain policy files have no resource member (their JSON is unchanged)', async () => {
    const r = await runCli(['lint', '--json', 'test/fixtures/lint/corrected-key-policy.json']);
    expect(Object.keys((JSON.parse(r.stdout) as JsonReport).files[0]!)).toEqual(['file', 'kind', 'findings']);
  });

  test('SARIF puts the finding on the template line and lists the IaC rules', async () => {
    const r = await runCli(['lint', '--format', 'sarif', `${FIX}/cfn-findings.yaml`]);
    const log = JSON.parse(r.stdout) as { runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }[] }[] };
    const run = log.runs[0]!;
    const star = run.results.find((x) => x.ruleId === 'KW401')!;
    expect(star.locations[0]!.physicalLocation).toEqual({ artifactLocation: { uri: 'test/fixtures/iac/cfn-findings.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 24, startColumn: 26 } });
    expect(run.tool.driver.rules.map((x) => x.id)).toEqual(expect.arrayContaining(['KW704', 'KW901', 'KW902', 'KW903']));
  });
});

describe('--input and bad input', () => {
  test('--input cloudformation forces the template reader', async () => {
    const r = await runCli(['lint', '--input', 'cloudformation', `${FIX}/cdk-app.template.json`]);
    expect(r.stdout).toContain('KW704');
  });

  test('--input json lints the template as one policy, as before', async () => {
    const r = await runCli(['lint', '--input', 'json', '--json', `${FIX}/cdk-app.template.json`]);
    const out = JSON.parse(r.stdout) as JsonReport;
    expect(out.files).toHaveLength(1);
    expect(out.files[0]!.findings.map((f) => f.code)).toContain('KW101');
  });

  test('--input terraform-plan on a template: a KW903 error that says what it is not, exit 1', async () => {
    const r = await runCli(['lint', '--input', 'terraform-plan', `${FIX}/cdk-app.template.json`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/KW903 {2}This is not a Terraform plan/);
  });

  test('an unknown --input is a usage error with a suggestion, exit 2', async () => {
    const r = await runCli(['lint', '--input', 'cloudformaton', 'x.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--input must be json, terraform-plan or cloudformation, not "cloudformaton" (did you mean cloudformation?)');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test('a broken YAML template: KW903 on its line, exit 1, no stack trace', async () => {
    const r = await runCli(['lint', '-'], { input: 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  K:\n    Type: x\n      Bad: y\n' });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^<stdin>:4:11 {2}error {4}KW903 {2}This CloudFormation template \(YAML\) cannot be read/m);
    expect(r.stderr).toBe('');
  });

  test('a template without key or IAM policies says so, exit 0', async () => {
    const r = await runCli(['lint', '-'], { input: 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('<stdin>: no key or IAM policies found');
  });

  test('--help documents --input and the infrastructure files', async () => {
    const r = await runCli(['lint', '--help']);
    expect(r.stdout).toContain('--input FORMAT');
    expect(r.stdout).toContain('terraform show -json');
  });
});

describe('the YAML parser is loaded only for YAML input', () => {
  test('it is a file of its own, which the CLI imports dynamically and never requires', () => {
    const dist = dirname(CLI_BIN);
    expect(readFileSync(join(dist, 'yaml-source.cjs'), 'utf8')).toContain('YAMLParseError');
    const main = readFileSync(join(dist, 'main.cjs'), 'utf8');
    // __kmsImport: the bundle's import(), renamed by the build (src/compile-cache.ts says why).
    expect(main).toMatch(/__kmsImport\("\.\/yaml-source\.cjs"\)/);
    expect(main).not.toMatch(/require\("\.\/yaml-source\.cjs"\)/);
    expect(main).not.toContain('YAMLParseError');
  });
});
