// The readers on real-shaped files: which policies they find, which findings
// they give, and that each finding's line:column is the place in the file
// where the value was written (inside the JSON string, for Terraform).
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { detectInput, lintInfrastructure, type IacLintedFile } from '../../../src/core/iac/index.js';

const detectFormat = (text: string) => detectInput(text).format;

const FIXTURES = new URL('../../fixtures/iac/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');

/** The file's text from a finding's line:column on (as much as `length`). */
function textAt(text: string, line: number, column: number, length = 80): string {
  return text.split(/\r?\n/)[line - 1]!.slice(column - 1, column - 1 + length);
}

async function lint(name: string) {
  const text = read(name);
  const format = detectFormat(text);
  if (format === 'json') throw new Error(`${name} was not detected as an infrastructure file`);
  const results = await lintInfrastructure(name, text, format);
  const findings = results.flatMap((r) => r.findings.map((f) => ({ resource: r.resource, ...f, at: textAt(text, f.line, f.column) })));
  return { text, results, findings, resources: results.map((r) => `${r.resource} ${r.kind}`) };
}

const codes = (results: IacLintedFile[]) => results.flatMap((r) => r.findings.map((f) => f.code));

describe('format detection from the content', () => {
  test.each([
    ['tf-0.12.json', 'terraform-plan'],
    ['tf-1.0.json', 'terraform-plan'],
    ['tf-1.5-bypass.json', 'terraform-plan'],
    ['tf-1.9-modules.json', 'terraform-plan'],
    ['cfn-clean.yaml', 'cloudformation'],
    ['sam-function.yaml', 'cloudformation'],
    ['cdk-app.template.json', 'cloudformation'],
    ['cfn-two-keys.yaml', 'cloudformation'],
  ])('%s is a %s', (name, format) => {
    expect(detectFormat(read(name))).toBe(format);
  });

  test.each(['tf-1.9-modules.json', 'cdk-app.template.json'])('%s: the JSON parsed to detect it is the one linted (same results as parsing again)', async (name) => {
    const text = read(name);
    const { format, source } = detectInput(text);
    expect(source?.ok).toBe(true);
    if (format === 'json') throw new Error(`${name} was not detected as an infrastructure file`);
    expect(await lintInfrastructure(name, text, format, {}, source)).toEqual(await lintInfrastructure(name, text, format));
  });

  test('a policy, even one misspelling Resource at the top, stays a policy', () => {
    expect(detectFormat('{"Version": "2012-10-17", "Statement": []}')).toBe('json');
    expect(detectFormat('{"Version": "2012-10-17", "Resources": "*"}')).toBe('json');
    expect(detectFormat('not json at all')).toBe('json');
  });

  test('keys spelled with \\u escapes are read as JSON reads them (the quick check for a plain policy does not skip them)', () => {
    const template = '{"\\u0052esources": {"Key": {"Type": "AWS::KMS::Key", "Properties": {}}}}';
    expect(JSON.parse(template)).toHaveProperty('Resources');
    expect(detectFormat(template)).toBe('cloudformation');
    const plan = '{"format_versio\\u006e": "1.2", "planned_values": {}}';
    expect(JSON.parse(plan)).toHaveProperty('format_version');
    expect(detectFormat(plan)).toBe('terraform-plan');
  });
});

describe('Terraform plans', () => {
  test('1.9, modules with for_each and count: every policy once, by its full address', async () => {
    const { resources } = await lint('tf-1.9-modules.json');
    expect(resources).toEqual([
      'aws_kms_key.logs[0] key',
      'aws_iam_role.app.inline_policy["kms-use"] iam',
      'module.app["billing"].aws_kms_key.this key',
      'module.app["orders"].aws_kms_key.this key',
      'module.app["orders"].aws_iam_policy.use iam',
      'data.aws_iam_policy_document.reader iam',
    ]);
  });

  test('1.9: a resource the plan deletes is not linted (its policy would give KW401)', async () => {
    const { resources } = await lint('tf-1.9-modules.json');
    expect(resources.join('\n')).not.toContain('aws_kms_key.old');
  });

  test('1.9: a policy unknown until apply is one info finding, never clean and never missing', async () => {
    const { results } = await lint('tf-1.9-modules.json');
    const use = results.find((r) => r.resource === 'module.app["orders"].aws_iam_policy.use')!;
    expect(use.findings.map((f) => [f.code, f.severity])).toEqual([['KW901', 'info']]);
  });

  test('1.9: a key whose configuration sets no policy gets the default key policy, and says so', async () => {
    const { results } = await lint('tf-1.9-modules.json');
    const logs = results.find((r) => r.resource === 'aws_kms_key.logs[0]')!;
    expect(logs.findings.map((f) => f.code)).toEqual(['KW902']);
    expect(logs.findings[0]!.message).toMatch(/default key policy/);
  });

  test('1.9: findings point into the policy string on the plan line', async () => {
    const { findings } = await lint('tf-1.9-modules.json');
    const star = findings.find((f) => f.code === 'KW401')!;
    expect(star.resource).toBe('module.app["billing"].aws_kms_key.this');
    expect(star.at).toMatch(/^\{\\"AWS\\":\\"\*\\"\}/);
    const alias = findings.find((f) => f.code === 'KW501')!;
    expect(alias.resource).toBe('data.aws_iam_policy_document.reader');
    expect(alias.at).toMatch(/^\\"arn:aws:kms:us-east-1:111122223333:alias\/orders/);
  });

  test('0.12, one line with Go\'s \\u003c escapes: columns count the escapes as written', async () => {
    const { findings, text } = await lint('tf-0.12.json');
    expect(text.split('\n').filter(Boolean)).toHaveLength(1);
    expect(text).toContain('\\u003cebs\\u003e');
    const alias = findings.find((f) => f.code === 'KW501')!;
    expect(alias.resource).toBe('aws_iam_policy.disks');
    expect(alias.line).toBe(1);
    expect(alias.at).toMatch(/^\\"arn:aws:kms:us-east-1:111122223333:alias\/disks\\"/);
  });

  test('1.0: aws_kms_key_policy, user and group policies; a key id as Resource is found in the group policy', async () => {
    const { resources, findings } = await lint('tf-1.0.json');
    expect(resources).toEqual(['aws_kms_key_policy.db key', 'aws_iam_user_policy.ci iam', 'aws_iam_group_policy.devs iam']);
    expect(findings.map((f) => `${f.resource} ${f.code}`)).toEqual(['aws_iam_group_policy.devs KW502']);
    expect(findings[0]!.at).toMatch(/^\\"1234abcd-12ab-34cd-56ef-1234567890ab\\"/);
  });

  test('a data source read only at apply (a deferred "read") and an unknown inline_policy are unknown, once each', async () => {
    const change = (address: string, type: string, mode: string, actions: string[], after: object, afterUnknown: object) => ({ address, mode, type, name: address.split('.').at(-1), change: { actions, before: null, after, after_unknown: afterUnknown } });
    const plan = {
      format_version: '1.2',
      terraform_version: '1.9.8',
      resource_changes: [
        change('data.aws_iam_policy_document.late', 'aws_iam_policy_document', 'data', ['read'], { version: '2012-10-17' }, { id: true, json: true, minified_json: true }),
        change('aws_iam_role.app', 'aws_iam_role', 'managed', ['create'], { name: 'app', inline_policy: [{ name: 'kms' }] }, { arn: true, inline_policy: [{ policy: true }] }),
      ],
    };
    const results = await lintInfrastructure('plan.json', JSON.stringify(plan, null, 2), 'terraform-plan');
    expect(results.map((r) => [r.resource, r.findings.map((f) => f.code)])).toEqual([
      ['data.aws_iam_policy_document.late', ['KW901']],
      ['aws_iam_role.app.inline_policy["kms"]', ['KW901']],
    ]);
  });

  test('1.5: the role policy that bypasses the key\'s kms:ViaService restriction is caught', async () => {
    const { findings } = await lint('tf-1.5-bypass.json');
    // KW602 on the key's root statement (the cause), KW704 on the role policy that uses it.
    expect(findings.map((f) => `${f.resource} ${f.code} ${f.severity}`)).toEqual(['aws_kms_key.secrets KW602 error', 'aws_iam_role_policy.app_kms KW704 error']);
    expect(findings[1]!.at).toMatch(/^\[\\"kms:Decrypt\\"\]/);
  });
});

describe('CloudFormation templates', () => {
  test('YAML with short tags, pseudo parameters, a parameter principal and !If: no findings', async () => {
    const { results, resources } = await lint('cfn-clean.yaml');
    expect(resources).toEqual(['SecretsKey key', 'AppPolicy iam']);
    expect(codes(results)).toEqual([]);
  });

  test('YAML: a statement under !If [cond, ..., !Ref AWS::NoValue] is checked, on its template line', async () => {
    const { findings } = await lint('cfn-findings.yaml');
    const star = findings.find((f) => f.code === 'KW401')!;
    expect(star.resource).toBe('DataKey');
    expect([star.line, star.column]).toEqual([24, 26]);
    expect(star.at).toBe('"*"');
  });

  test('YAML: an inline role policy is named by role and policy name; a !Sub alias ARN is evaluated and caught', async () => {
    const { findings } = await lint('cfn-findings.yaml');
    const alias = findings.find((f) => f.code === 'KW501')!;
    expect(alias.resource).toBe('ReaderRole/read-data');
    expect(alias.line).toBe(44);
    expect(alias.at).toMatch(/^arn:\$\{AWS::Partition\}:kms:/);
  });

  test('SAM: inline documents among managed policy names and policy templates; a key without KeyPolicy gets the default', async () => {
    const { results, findings } = await lint('sam-function.yaml');
    expect(results.map((r) => r.resource)).toEqual(['AppKey', 'ReadFunction/Policies[2]', 'WriteFunction/Policies']);
    expect(findings.map((f) => `${f.resource} ${f.code}`)).toEqual(['AppKey KW902', 'ReadFunction/Policies[2] KW501', 'WriteFunction/Policies KW005']);
    expect(findings[1]!.line).toBe(27);
  });

  test('CDK synth output: the DefaultPolicy granting Decrypt directly bypasses the key policy\'s kms:ViaService statement', async () => {
    const { findings, results } = await lint('cdk-app.template.json');
    expect(results.map((r) => `${r.resource} ${r.kind}`)).toEqual(['AppRoleDefaultPolicy7A0B9F2E iam', 'SecretsKey4B9B3A2D key']);
    // KW704 on the DefaultPolicy that uses the bypass, KW602 on the key's root statement that opens it.
    expect(findings.map((f) => `${f.resource} ${f.code}`)).toEqual(['AppRoleDefaultPolicy7A0B9F2E KW704', 'SecretsKey4B9B3A2D KW602']);
    expect([findings[0]!.line, findings[0]!.column]).toEqual([29, 18]);
  });

  test('with two keys, each key policy is checked with the IAM policies that name it', async () => {
    const { findings, results } = await lint('cfn-two-keys.yaml');
    expect(results.map((r) => r.resource)).toEqual(['RestrictedKey', 'PlainKey', 'UseRestrictedKey', 'UsePlainKey']);
    // The app role's ARN is a !Sub with a parameter for its name: its account (AWS::AccountId) is known, so
    // the root statement's bypass of its kms:ViaService restriction is reported too (KW602).
    expect(findings.map((f) => `${f.resource} ${f.code} ${f.line}:${f.column}`)).toEqual(['RestrictedKey KW602 13:13', 'UseRestrictedKey KW704 47:21']);
    expect(findings[1]!.at).toBe('kms:Decrypt');
  });

  test('an opaque value (GetAtt principal, parameter) gives no finding about itself', async () => {
    const text = 'Resources:\n  K:\n    Type: AWS::KMS::Key\n    Properties:\n      KeyPolicy:\n        Version: 2012-10-17\n        Statement:\n          - Effect: Allow\n            Principal: { AWS: !Sub "arn:${AWS::Partition}:iam::${AWS::AccountId}:root" }\n            Action: [kms:Describe*, kms:Put*, kms:Get*, kms:List*, kms:Enable*, kms:Disable*, kms:Update*, kms:Revoke*, kms:Delete*, kms:CreateAlias, kms:ScheduleKeyDeletion, kms:CancelKeyDeletion, kms:TagResource, kms:UntagResource]\n            Resource: "*"\n          - Effect: Allow\n            Principal: { AWS: !GetAtt Role.Arn }\n            Action: kms:Decrypt\n            Resource: "*"\n            Condition:\n              StringEquals:\n                kms:ViaService: !Ref ViaServiceParam\n                kms:CallerAccount: !ImportValue shared-account\n';
    const results = await lintInfrastructure('t.yaml', text, 'cloudformation');
    expect(codes(results)).toEqual([]);
  });

  test('a template that cannot be read gives one KW903 error at the place of the problem', async () => {
    const results = await lintInfrastructure('bad.yaml', 'Resources:\n  K:\n    Type: x\n      Bad: y\n', 'cloudformation');
    expect(results).toHaveLength(1);
    expect(results[0]!.findings.map((f) => [f.code, f.severity, f.line, f.column])).toEqual([['KW903', 'error', 3, 11]]);
    expect(results[0]!.findings[0]!.message).toBe('This CloudFormation template (YAML) cannot be read: Nested mappings are not allowed in compact mappings.');
  });

  test('forcing the wrong format says what the file is not', async () => {
    const results = await lintInfrastructure('t.json', read('cdk-app.template.json'), 'terraform-plan');
    expect(results[0]!.findings[0]!.message).toMatch(/not a Terraform plan/);
  });
});
