// Issue 18, "a Condition block with the same operator key twice ... at any
// level of the document": a JSON reader keeps the last copy of a duplicated
// name (RFC 7159 section 4, which "Grammar of the IAM JSON policy language"
// refers to), so the linter reports every earlier copy (KW113) and checks the
// policy as AWS reads it: with the last copy.
import { describe, expect, test } from 'vitest';
import { lintInfrastructure } from '../../../src/core/iac/index.js';
import { lintPolicyText } from '../../../src/core/lint/index.js';
import { ACCOUNT, ADMIN, ROOT, VIA_SM } from './fixtures.js';

const adminJson = JSON.stringify(ADMIN);
const policy = (statement: string) => `{\n  "Version": "2012-10-17",\n  "Statement": [\n    ${adminJson},\n    ${statement}\n  ]\n}\n`;
const findings = (text: string, code: string) => lintPolicyText(text).findings.filter((f) => f.code === code);

describe('KW113: a name written twice, at every level', () => {
  test('the same operator twice in one Condition: the first copy, the one AWS drops, is reported', () => {
    const text = policy(
      `{"Sid": "Use", "Effect": "Allow", "Principal": {"AWS": "${ROOT}"}, "Action": "kms:Decrypt", "Resource": "*", ` +
        `"Condition": {"StringEquals": {"kms:ViaService": "${VIA_SM}"}, "StringEquals": {"kms:CallerAccount": "${ACCOUNT}"}}}`,
    );
    const [f, ...rest] = findings(text, 'KW113');
    expect(rest).toEqual([]);
    expect(f!.severity).toBe('error');
    expect(f!.pointer).toBe('/Statement/1/Condition/StringEquals');
    expect(f!.column).toBe(text.split('\n')[4]!.indexOf('"StringEquals"') + 1);
    expect(f!.message).toContain('the Condition of statement 2');
    expect(f!.message).toContain('keeps only the last copy');
  });

  const use = `"Sid": "Use", "Effect": "Allow", "Action": "kms:Decrypt"`;
  test.each([
    ['a condition key twice under one operator', `{${use}, "Principal": {"AWS": "${ROOT}"}, "Resource": "*", "Condition": {"StringEquals": {"kms:ViaService": "${VIA_SM}", "kms:ViaService": "s3.us-east-1.amazonaws.com"}}}`, '/Statement/1/Condition/StringEquals/kms:ViaService'],
    ['a principal type twice', `{${use}, "Principal": {"AWS": "${ROOT}", "AWS": "arn:aws:iam::${ACCOUNT}:role/app"}, "Resource": "*"}`, '/Statement/1/Principal/AWS'],
    ['an element twice in a statement', `{${use}, "Principal": {"AWS": "${ROOT}"}, "Resource": "*", "Resource": "*"}`, '/Statement/1/Resource'],
  ])('%s', (_, statement, pointer) => {
    expect(findings(policy(statement), 'KW113').map((f) => f.pointer)).toEqual([pointer]);
  });

  test('a document element twice: "Statement" and "Version" at the top', () => {
    const text = `{"Version": "2008-10-17", "Version": "2012-10-17", "Statement": [], "Statement": [${adminJson}]}`;
    expect(findings(text, 'KW113').map((f) => f.pointer)).toEqual(['/Version', '/Statement']);
    // Read as AWS reads it: the last Version and the last (non-empty) Statement.
    expect(lintPolicyText(text).findings.filter((f) => ['KW004', 'KW005'].includes(f.code))).toEqual([]);
  });

  test('condition keys differing only in case under one operator (IAM Access Analyzer: "Duplicate keys with different case")', () => {
    const text = policy(
      `{"Sid": "Use", "Effect": "Allow", "Principal": {"AWS": "${ROOT}"}, "Action": "kms:Decrypt", "Resource": "*", ` +
        `"Condition": {"StringEquals": {"kms:ViaService": "${VIA_SM}", "KMS:ViaService": "s3.us-east-1.amazonaws.com"}}}`,
    );
    const [f] = findings(text, 'KW113');
    expect(f!.pointer).toBe('/Statement/1/Condition/StringEquals/KMS:ViaService');
    expect(f!.message).toContain('case-insensitive');
  });

  test('no finding for distinct names, or the same name in different objects', () => {
    const text = policy(
      `{"Sid": "Use", "Effect": "Allow", "Principal": {"AWS": "${ROOT}"}, "Action": "kms:Decrypt", "Resource": "*", ` +
        `"Condition": {"StringEquals": {"kms:ViaService": "${VIA_SM}"}, "StringLike": {"kms:ViaService": "*.amazonaws.com"}}}`,
    );
    expect(findings(text, 'KW113')).toEqual([]);
  });
});

describe('the other rules check the copy AWS keeps', () => {
  const statement = (first: string, last: string) =>
    policy(`{"Sid": "Use", "Effect": "Allow", "Principal": ${first}, "Action": "kms:Decrypt", "Resource": "*", "Principal": ${last}}`);

  test('Principal the root, then "*": the statement AWS evaluates is open to everyone (KW401)', () => {
    expect(findings(statement(`{"AWS": "${ROOT}"}`, '"*"'), 'KW401')).toHaveLength(1);
  });

  test('Principal "*", then the root: AWS reads the root, so no KW401', () => {
    expect(findings(statement('"*"', `{"AWS": "${ROOT}"}`), 'KW401')).toEqual([]);
  });

  test('a ViaService condition whose operator is overwritten by a second copy restricts nothing: the root statement is kms:* for IAM (KW602 stays silent, KW113 says why)', () => {
    const text = `{"Version": "2012-10-17", "Statement": [{"Sid": "Root", "Effect": "Allow", "Principal": {"AWS": "${ROOT}"}, "Action": "kms:*", "Resource": "*",
      "Condition": {"StringEquals": {"kms:ViaService": "${VIA_SM}"}, "StringEquals": {"kms:CallerAccount": "${ACCOUNT}"}}}]}`;
    const codes = lintPolicyText(text).findings.map((f) => f.code);
    expect(codes).toContain('KW113');
    // Only kms:CallerAccount remains: the model sees no kms:ViaService at all.
    expect(codes).not.toContain('KW203');
  });
});

describe('policies extracted from templates', () => {
  test('a YAML KeyPolicy with StringEquals twice in a Condition: the template is refused at the second copy (KW903), as every YAML duplicate is', async () => {
    const text = [
      'Resources:',
      '  Key:',
      '    Type: AWS::KMS::Key',
      '    Properties:',
      '      KeyPolicy:',
      "        Version: '2012-10-17'",
      '        Statement:',
      '          - Sid: Admin',
      '            Effect: Allow',
      "            Principal: { AWS: !Sub 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root' }",
      "            Action: 'kms:*'",
      "            Resource: '*'",
      '            Condition:',
      '              StringEquals:',
      "                kms:ViaService: 'secretsmanager.us-east-1.amazonaws.com'",
      '              StringEquals:',
      "                kms:CallerAccount: !Ref AWS::AccountId",
      '',
    ].join('\n');
    const [key] = await lintInfrastructure('t.yaml', text, 'cloudformation');
    const dup = key!.findings.filter((f) => f.code === 'KW903');
    expect(dup.map((f) => [f.severity, f.line])).toEqual([['error', 16]]);
    expect(dup[0]!.message).toContain('written twice');
  });
});
