// Issue 18: "an alias ARN built by !Sub as IAM Resource (a template parameter
// in the name must not switch the check off: the alias part is known even if
// its name is not)". "Specifying KMS keys in IAM policy statements"
// (https://docs.aws.amazon.com/kms/latest/developerguide/cmks-in-iam-policies.html):
// an alias ARN as Resource never matches key use.
import { describe, expect, test } from 'vitest';
import { lintInfrastructure } from '../../../src/core/iac/index.js';
import { evaluate } from '../../../src/core/iac/intrinsics.js';
import { parseYamlSource } from '../../../src/core/iac/yaml-source.js';
import { lintPolicyText } from '../../../src/core/lint/index.js';

const template = (resource: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  AliasName: { Type: String }
  ClusterName: { Type: String }
Resources:
  UseKey:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Action: [kms:Decrypt, kms:GenerateDataKey]
            Resource: ${resource}
`;
const found = async (resource: string) => (await lintInfrastructure('t.yaml', template(resource), 'cloudformation')).flatMap((r) => r.findings);

describe('partly known template values', () => {
  test('!Sub with a parameter keeps its literal parts: the value is written with ${AliasName} left as is', () => {
    const parsed = parseYamlSource("v: !Sub 'arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:alias/${AliasName}'");
    if (!parsed.ok || parsed.root.type !== 'object') throw new Error('unparsed');
    const value = evaluate(parsed.root.entries[0]!.value);
    expect(value).toMatchObject({ type: 'opaque', partial: 'arn:aws:kms:us-east-1:123456789012:alias/${AliasName}' });
  });

  test('a value with no literal part stays wholly opaque', () => {
    const parsed = parseYamlSource("v: !Sub '${KeyArn}'");
    if (!parsed.ok || parsed.root.type !== 'object') throw new Error('unparsed');
    expect(evaluate(parsed.root.entries[0]!.value)).toEqual({ type: 'opaque', offset: expect.any(Number), what: 'Fn::Sub ${KeyArn}' });
  });

  test.each([
    ['!Sub', "!Sub 'arn:aws:kms:${AWS::Region}:${AWS::AccountId}:alias/${AliasName}'"],
    ['!Join', "!Join ['', ['arn:aws:kms:', !Ref AWS::Region, ':', !Ref AWS::AccountId, ':alias/', !Ref AliasName]]"],
  ])('an alias ARN built with %s and a parameter: KW501 on its template line', async (_, resource) => {
    const f = (await found(resource)).filter((x) => x.code === 'KW501');
    expect(f).toHaveLength(1);
    expect(f[0]!.line).toBe(14);
    expect(f[0]!.message).toContain('alias ARN');
  });

  test('an RDS cluster ARN built with !Sub and a parameter: KW505', async () => {
    expect((await found("!Sub 'arn:aws:rds:${AWS::Region}:${AWS::AccountId}:cluster:${ClusterName}'")).map((f) => f.code)).toContain('KW505');
  });

  test('a key ARN with a parameter for the key id: no finding about the unknown part', async () => {
    expect(await found("!Sub 'arn:aws:kms:${AWS::Region}:${AWS::AccountId}:key/${KeyId}'")).toEqual([]);
  });

  test('a plain JSON policy with an Fn::Sub alias ARN: KW501', () => {
    const text = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: { 'Fn::Sub': 'arn:aws:kms:${AWS::Region}:${AWS::AccountId}:alias/${AliasName}' } }] }, null, 2);
    expect(lintPolicyText(text).findings.map((f) => f.code)).toEqual(['KW501']);
  });

  test('with two keys, an IAM Resource !Sub naming one of them by ${Key} is paired with that key (KW705 for the SIGN_VERIFY one)', async () => {
    const key = (id: string, props: string) => `  ${id}:
    Type: AWS::KMS::Key
    Properties:
${props}      KeyPolicy:
        Version: '2012-10-17'
        Statement:
          - { Effect: Allow, Principal: { AWS: !Sub 'arn:\${AWS::Partition}:iam::\${AWS::AccountId}:root' }, Action: 'kms:*', Resource: '*' }
`;
    const text = `Resources:
${key('DataKey', '')}${key('SignKey', '      KeySpec: ECC_NIST_P256\n      KeyUsage: SIGN_VERIFY\n')}  UseSignKey:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Action: kms:Encrypt
            Resource: !Sub 'arn:aws:kms:\${AWS::Region}:\${AWS::AccountId}:key/\${SignKey}'
`;
    const results = await lintInfrastructure('t.yaml', text, 'cloudformation');
    expect(results.flatMap((r) => r.findings.map((f) => `${r.resource} ${f.code}`))).toEqual(['UseSignKey KW705']);
  });
});
