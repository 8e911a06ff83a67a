// Issue 18: "the root kms:* bypass whoever the restricted statement names (the
// root, *, or named roles), and the bypass and lockout checks when the account
// root is written as an intrinsic ... in a template or in plain JSON that
// carries intrinsics". "Default key policy" (https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html):
// the root statement lets IAM policies of the account allow the key, and Allow
// statements add up, so a kms:ViaService restriction on any principal of that
// account is bypassed by an unconditioned root kms:*.
import { describe, expect, test } from 'vitest';
import { lintInfrastructure } from '../../../src/core/iac/index.js';
import { lintPolicyText } from '../../../src/core/lint/index.js';
import { ACCOUNT, ADMIN, bareKeyPolicy, OTHER_ACCOUNT, ROOT, use } from './fixtures.js';

const ROOT_ALL = { ...ADMIN, Sid: 'EnableIamUserPermissions', Action: 'kms:*' };
const codes = (text: string) => lintPolicyText(text).findings.map((f) => f.code);

describe('KW602 whoever the kms:ViaService statement names', () => {
  test.each([
    ['the root', ROOT],
    ['a role of the account', `arn:aws:iam::${ACCOUNT}:role/app`],
    ['a user of the account', `arn:aws:iam::${ACCOUNT}:user/john`],
  ])('%s', (_, principal) => {
    expect(codes(bareKeyPolicy(ROOT_ALL, use({ Principal: { AWS: principal } })))).toContain('KW602');
  });

  test('"*" with kms:CallerAccount', () => {
    expect(codes(bareKeyPolicy(ROOT_ALL, use({ Principal: { AWS: '*' } })))).toContain('KW602');
  });

  test('a role of another account is not bypassed by this account\'s root statement (its IAM policies do not count here)', () => {
    const text = bareKeyPolicy(ROOT_ALL, use({ Principal: { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:role/app` } }));
    expect(codes(text)).not.toContain('KW602');
  });

  test('no bypass when a Deny with StringNotEquals kms:ViaService enforces the restriction', () => {
    const deny = { Sid: 'DenyDirect', Effect: 'Deny', Principal: { AWS: '*' }, Action: ['kms:Decrypt'], Resource: '*', Condition: { StringNotEquals: { 'kms:ViaService': 'secretsmanager.us-east-1.amazonaws.com' } } };
    expect(codes(bareKeyPolicy(ROOT_ALL, use({ Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/app` } }), deny))).not.toContain('KW602');
  });
});

const VIA = { StringEquals: { 'kms:ViaService': 'secretsmanager.us-east-1.amazonaws.com' } };

describe('plain JSON that carries CloudFormation intrinsics', () => {
  const root = { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root' };
  const joinRoot = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':root']] };

  test.each([
    ['Fn::Sub', root],
    ['Fn::Join', joinRoot],
  ])('the root written with %s is the account root: kms:* beside a ViaService role of the stack is a bypass', (_, principal) => {
    const text = bareKeyPolicy(
      { Sid: 'Root', Effect: 'Allow', Principal: { AWS: principal }, Action: 'kms:*', Resource: '*' },
      { Sid: 'App', Effect: 'Allow', Principal: { AWS: { 'Fn::GetAtt': ['AppRole', 'Arn'] } }, Action: 'kms:Decrypt', Resource: '*', Condition: VIA },
    );
    const found = lintPolicyText(text).findings;
    expect(found.map((f) => f.code)).toContain('KW602');
    // Lines and columns are the input's own: the finding is on the Root statement.
    const kw602 = found.find((f) => f.code === 'KW602')!;
    expect(text.split('\n')[kw602.line - 1]!.slice(kw602.column - 1)).toMatch(/^\{/);
    // The intrinsics are values, not malformed principals.
    expect(found.map((f) => f.code)).not.toContain('KW404');
    expect(found.map((f) => f.code)).not.toContain('KW102');
  });

  test('the root written with Fn::Sub can administer the key: no lockout', () => {
    expect(codes(bareKeyPolicy({ Sid: 'Root', Effect: 'Allow', Principal: { AWS: root }, Action: 'kms:*', Resource: '*' }))).not.toContain('KW601');
  });

  test('an administrator only deployment knows (Ref to a parameter) is someone unknown, not nobody: no lockout', () => {
    const text = bareKeyPolicy({ Sid: 'Admin', Effect: 'Allow', Principal: { AWS: { Ref: 'AdminRoleArn' } }, Action: 'kms:*', Resource: '*' });
    expect(codes(text)).not.toContain('KW601');
  });

  test('administrator actions from a parameter may include PutKeyPolicy: no lockout', () => {
    const text = bareKeyPolicy({ Sid: 'Admin', Effect: 'Allow', Principal: { AWS: root }, Action: { Ref: 'AdminActions' }, Resource: '*' });
    expect(codes(text)).not.toContain('KW601');
  });

  test('a statement only deployment knows may be the administrator: no lockout', () => {
    const text = bareKeyPolicy({ 'Fn::ImportValue': 'SharedAdminStatement' } as never, use());
    expect(codes(text)).not.toContain('KW601');
  });

  test('still a lockout when every principal is known and none may call PutKeyPolicy', () => {
    expect(codes(bareKeyPolicy({ Sid: 'Root', Effect: 'Allow', Principal: { AWS: root }, Action: 'kms:Decrypt', Resource: '*' }))).toContain('KW601');
  });
});

describe('templates', () => {
  const template = (rootPrincipal: string, appPrincipal: string) => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  AppRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: 'sts:AssumeRole' }] }
  Key:
    Type: AWS::KMS::Key
    Properties:
      KeyPolicy:
        Version: '2012-10-17'
        Statement:
          - Sid: EnableIamUserPermissions
            Effect: Allow
            Principal: { AWS: ${rootPrincipal} }
            Action: 'kms:*'
            Resource: '*'
          - Sid: AppThroughSecretsManager
            Effect: Allow
            Principal: { AWS: ${appPrincipal} }
            Action: ['kms:Decrypt', 'kms:GenerateDataKey']
            Resource: '*'
            Condition:
              StringEquals:
                kms:ViaService: !Sub 'secretsmanager.\${AWS::Region}.amazonaws.com'
`;
  const lintCodes = async (text: string) => (await lintInfrastructure('t.yaml', text, 'cloudformation')).flatMap((r) => r.findings.map((f) => f.code));

  test.each([
    ['!Sub with AWS::Partition and AWS::AccountId', "!Sub 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root'"],
    ['!Join', "!Join ['', ['arn:', !Ref AWS::Partition, ':iam::', !Ref AWS::AccountId, ':root']]"],
    ['!Ref AWS::AccountId', '!Ref AWS::AccountId'],
  ])('the root as %s, the app role as !GetAtt: KW602', async (_, rootPrincipal) => {
    expect(await lintCodes(template(rootPrincipal, '!GetAtt AppRole.Arn'))).toContain('KW602');
  });

  test('the app role as !Sub with the account: KW602', async () => {
    expect(await lintCodes(template("!Sub 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root'", "!Sub 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/app'"))).toContain('KW602');
  });

  test('an app role from a parameter may live in any account: no claim of a bypass, and no malformed-principal finding', async () => {
    const found = await lintCodes(template("!Sub 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root'", '!Ref AppRoleArn'));
    expect(found).not.toContain('KW602');
    expect(found).not.toContain('KW404');
  });
});

describe('a whole Principal only deployment knows', () => {
  test('is someone unknown for the IAM checks: no "key policy gives IAM no role" (KW703)', async () => {
    const text = `Resources:
  Key:
    Type: AWS::KMS::Key
    Properties:
      KeyPolicy:
        Version: '2012-10-17'
        Statement:
          - { Effect: Allow, Principal: !Ref KeyPrincipal, Action: 'kms:*', Resource: '*' }
  Use:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - { Effect: Allow, Action: kms:Decrypt, Resource: !GetAtt Key.Arn }
`;
    const found = (await lintInfrastructure('t.yaml', text, 'cloudformation')).flatMap((r) => r.findings.map((f) => f.code));
    expect(found).not.toContain('KW703');
    expect(found).not.toContain('KW601');
  });
});

describe('KW602 in a template names the stack account, not the placeholder that stands for it', () => {
  test('"the stack\'s account (AWS::AccountId)", never 123456789012', async () => {
    const { lintInfrastructure } = await import('../../../src/core/iac/index.js');
    const text = [
      'Resources:',
      '  Key:',
      '    Type: AWS::KMS::Key',
      '    Properties:',
      '      KeyPolicy:',
      "        Version: '2012-10-17'",
      '        Statement:',
      "          - { Effect: Allow, Principal: { AWS: !Sub 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root' }, Action: 'kms:*', Resource: '*' }",
      "          - Effect: Allow",
      "            Principal: { AWS: !Sub 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/app' }",
      '            Action: kms:Decrypt',
      "            Resource: '*'",
      "            Condition: { StringEquals: { 'kms:ViaService': !Sub 'secretsmanager.${AWS::Region}.amazonaws.com' } }",
      '',
    ].join('\n');
    const bypass = (await lintInfrastructure('t.yaml', text, 'cloudformation')).flatMap((r) => r.findings).filter((f) => f.code === 'KW602');
    expect(bypass).toHaveLength(1);
    expect(bypass[0]!.message).toContain("the stack's account (AWS::AccountId)");
    expect(bypass[0]!.message).not.toContain('123456789012');
  });
});
