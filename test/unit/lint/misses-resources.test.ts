// Issue 18's misses about IAM Resource and Principal values, and KW704 on the
// shape `cdk synth` really writes.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { lintInfrastructure } from '../../../src/core/iac/index.js';
import { lintPolicyText } from '../../../src/core/lint/index.js';
import { ACCOUNT, bareKeyPolicy, iamPolicy, iamUse, keyPolicy, use } from './fixtures.js';

const codes = (text: string) => lintPolicyText(text).findings.map((f) => f.code);

describe('KW505: KMS actions on a resource that is not a KMS key', () => {
  test.each([
    ['an RDS cluster', `arn:aws:rds:us-east-1:${ACCOUNT}:cluster:orders`],
    ['an S3 bucket and its objects', ['arn:aws:s3:::reports', 'arn:aws:s3:::reports/*']],
    ['a secret', `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:db-AbCdEf`],
  ])('%s: an error, it grants nothing on any key', (_, Resource) => {
    const [f] = lintPolicyText(iamPolicy(iamUse({ Resource }))).findings.filter((x) => x.code === 'KW505');
    expect(f!.severity).toBe('error');
    expect(f!.message).toContain('grants nothing on any key');
  });

  test.each([
    ['the key ARN beside the bucket', ['arn:aws:s3:::reports', `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`]],
    ['"*"', '*'],
    ['a service wildcard', `arn:aws:*:us-east-1:${ACCOUNT}:*`],
    ['a template value', '${Fn::GetAtt Key.Arn}'],
  ])('no finding with %s', (_, Resource) => {
    expect(codes(iamPolicy(iamUse({ Resource })))).not.toContain('KW505');
  });

  test('"Action": "*" on a bucket is about the bucket, not KMS', () => {
    expect(codes(iamPolicy(iamUse({ Action: '*', Resource: 'arn:aws:s3:::reports' })))).not.toContain('KW505');
  });
});

describe('a key ARN with an empty Region or account matches no key', () => {
  test.each([`arn:aws:kms::${ACCOUNT}:key/*`, 'arn:aws:kms:us-east-1::key/*'])('%s: KW504 (matches no key), not KW503 (every key)', (Resource) => {
    const found = lintPolicyText(iamPolicy(iamUse({ Resource }))).findings;
    expect(found.map((f) => f.code)).toContain('KW504');
    expect(found.map((f) => f.code)).not.toContain('KW503');
    expect(found.find((f) => f.code === 'KW504')!.message).toContain('matches no key');
  });

  test('a Region wildcard still covers every key (KW503)', () => {
    expect(codes(iamPolicy(iamUse({ Resource: `arn:aws:kms:*:${ACCOUNT}:key/*` })))).toContain('KW503');
  });
});

describe('an instance profile as a Principal ("AWS JSON policy elements: Principal")', () => {
  test('an error that names the instance profile and the role to use instead', () => {
    const text = keyPolicy(use({ Principal: { AWS: `arn:aws:iam::${ACCOUNT}:instance-profile/web` } }));
    const [f, ...rest] = lintPolicyText(text).findings.filter((x) => x.code === 'KW411' || x.code === 'KW404');
    expect(rest).toEqual([]);
    expect(f!.code).toBe('KW411');
    expect(f!.severity).toBe('error');
    expect(f!.message).toContain('instance profile');
    expect(f!.message).toContain('MalformedPolicyDocumentException');
    expect(f!.message).toContain(':role/');
  });

  test('with a path too', () => {
    expect(codes(bareKeyPolicy(use({ Principal: { AWS: `arn:aws:iam::${ACCOUNT}:instance-profile/app/web` } })))).toContain('KW411');
  });

  test('built by a template with a parameter for its name', async () => {
    const text = `Resources:
  Key:
    Type: AWS::KMS::Key
    Properties:
      KeyPolicy:
        Version: '2012-10-17'
        Statement:
          - { Effect: Allow, Principal: { AWS: !Sub 'arn:\${AWS::Partition}:iam::\${AWS::AccountId}:root' }, Action: 'kms:*', Resource: '*' }
          - { Effect: Allow, Principal: { AWS: !Sub 'arn:aws:iam::\${AWS::AccountId}:instance-profile/\${ProfileName}' }, Action: kms:Decrypt, Resource: '*' }
`;
    const found = (await lintInfrastructure('t.yaml', text, 'cloudformation')).flatMap((r) => r.findings.map((f) => `${f.code} ${f.line}`));
    expect(found).toEqual(['KW411 9']); // the template line of the instance-profile statement
  });
});

describe('KW704 on the shape cdk synth writes', () => {
  // test/fixtures/iac/cdk-synth-via-service-grant.template.json is written in
  // the shape of aws/aws-cdk's integration snapshot
  // packages/@aws-cdk-testing/framework-integ/test/aws-kms/test/integ.key-grants.js.snapshot/aws-cdk-kms-grants.template.json
  // (Apache-2.0): the key's default root kms:* statement as an Fn::Join, a
  // role's grant in its DefaultPolicy on Fn::GetAtt [Key, Arn], plus the
  // statement a grant to a ViaServicePrincipal (AnyPrincipal by default)
  // adds to the key policy: Principal "*", kms:ViaService as an Fn::Join
  // with AWS::URLSuffix.
  const text = readFileSync(new URL('../../fixtures/iac/cdk-synth-via-service-grant.template.json', import.meta.url), 'utf8');

  test('the DefaultPolicy granting Decrypt with no kms:ViaService is the bypass (KW704), the root statement its cause (KW602)', async () => {
    const results = await lintInfrastructure('cdk.template.json', text, 'cloudformation');
    const found = results.flatMap((r) => r.findings.map((f) => `${r.resource} ${f.code}`));
    expect(found).toContain('RoleDefaultPolicy5FFB7DAB KW704');
    expect(found).toContain('MyKey6AB29FA6 KW602');
  });

  test('the same pair with the ViaService restriction on the account root (ViaServicePrincipal over AccountRootPrincipal)', async () => {
    const rooted = text.replace('"AWS": "*"', '"AWS": {"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":iam::", {"Ref": "AWS::AccountId"}, ":root"]]}');
    expect(rooted).not.toBe(text);
    const results = await lintInfrastructure('cdk.template.json', rooted, 'cloudformation');
    expect(results.flatMap((r) => r.findings.map((f) => `${r.resource} ${f.code}`))).toContain('RoleDefaultPolicy5FFB7DAB KW704');
  });

  test('no KW704 once the DefaultPolicy carries the kms:ViaService condition', async () => {
    const fixed = text.replace('"Action": "kms:Decrypt",\n       "Effect": "Allow",\n       "Resource"', '"Action": "kms:Decrypt",\n       "Condition": {"StringEquals": {"kms:ViaService": "secretsmanager.us-east-1.amazonaws.com"}},\n       "Effect": "Allow",\n       "Resource"');
    expect(fixed).not.toBe(text);
    const results = await lintInfrastructure('cdk.template.json', fixed, 'cloudformation');
    expect(results.flatMap((r) => r.findings.map((f) => f.code))).not.toContain('KW704');
  });
});
