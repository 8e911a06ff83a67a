// Intrinsic functions as the readers evaluate them ("Intrinsic function
// reference" and "Pseudo parameters reference", AWS CloudFormation User Guide).
import { describe, expect, test } from 'vitest';
import { parseJsonSource } from '../../../src/core/iac/json-source.js';
import { evaluate, type PolicyValue } from '../../../src/core/iac/intrinsics.js';
import { parseYamlSource } from '../../../src/core/iac/yaml-source.js';

function plain(v: PolicyValue | undefined): unknown {
  if (!v) return undefined;
  switch (v.type) {
    case 'scalar': return v.value;
    case 'opaque': return { opaque: v.what };
    case 'array': return v.items.map(plain);
    case 'object': return Object.fromEntries(v.entries.map((e) => [e.key, plain(e.value)]));
  }
}

function json(value: unknown): unknown {
  const parsed = parseJsonSource(JSON.stringify(value));
  if (!parsed.ok) throw new Error(parsed.message);
  return plain(evaluate(parsed.root));
}

function yaml(text: string): unknown {
  const parsed = parseYamlSource(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return plain(evaluate(parsed.root));
}

describe('pseudo parameters and functions over them get placeholder values', () => {
  test('Ref to AWS::AccountId, AWS::Partition, AWS::Region, AWS::URLSuffix', () => {
    expect(json([{ Ref: 'AWS::AccountId' }, { Ref: 'AWS::Partition' }, { Ref: 'AWS::Region' }, { Ref: 'AWS::URLSuffix' }])).toEqual(['123456789012', 'aws', 'us-east-1', 'amazonaws.com']);
  });

  test('Fn::Join over pseudo parameters (as CDK writes the root ARN)', () => {
    expect(json({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':root']] })).toBe('arn:aws:iam::123456789012:root');
  });

  test('Fn::Sub, short and long forms, with a variable map and ${!Literal}', () => {
    expect(yaml('!Sub "secretsmanager.${AWS::Region}.${AWS::URLSuffix}"')).toBe('secretsmanager.us-east-1.amazonaws.com');
    expect(json({ 'Fn::Sub': ['${Svc}.${AWS::Region}.amazonaws.com', { Svc: 's3' }] })).toBe('s3.us-east-1.amazonaws.com');
    expect(yaml('!Sub "arn:aws:s3:::b/${!aws:username}"')).toBe('arn:aws:s3:::b/${aws:username}');
  });

  test('Fn::Select and Fn::Split over known values', () => {
    expect(yaml('!Select [1, !Split [",", "a,b,c"]]')).toBe('b');
  });
});

describe('anything that depends on the stack is opaque, never a guess', () => {
  test('Ref to a parameter or resource, GetAtt (both forms), ImportValue, FindInMap', () => {
    expect(yaml('!Ref KeyAdminRole')).toEqual({ opaque: 'Ref KeyAdminRole' });
    expect(yaml('!GetAtt Key.Arn')).toEqual({ opaque: 'Fn::GetAtt Key.Arn' });
    expect(json({ 'Fn::GetAtt': ['Key', 'Arn'] })).toEqual({ opaque: 'Fn::GetAtt Key.Arn' });
    expect(yaml('!ImportValue shared-key-arn')).toEqual({ opaque: 'Fn::ImportValue' });
    expect(yaml('!FindInMap [Accounts, !Ref AWS::Region, Id]')).toEqual({ opaque: 'Fn::FindInMap' });
  });

  test('a Sub or Join with one unknown part is opaque as a whole', () => {
    expect(yaml('!Sub "arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/${KeyId}"')).toEqual({ opaque: 'Fn::Sub ${KeyId}' });
    expect(json({ 'Fn::Join': ['', ['arn:aws:iam::', { Ref: 'Account' }, ':root']] })).toEqual({ opaque: 'Fn::Join' });
  });
});

describe('conditions', () => {
  test('!If [cond, statement, !Ref AWS::NoValue] keeps the statement (checked as present)', () => {
    expect(yaml('- a\n- !If [IsProd, b, !Ref AWS::NoValue]\n')).toEqual(['a', 'b']);
  });

  test('AWS::NoValue in the first branch takes the second; NoValue removes a member', () => {
    expect(yaml('- !If [IsDev, !Ref AWS::NoValue, c]\n')).toEqual(['c']);
    expect(json({ A: 1, B: { Ref: 'AWS::NoValue' } })).toEqual({ A: 1 });
    expect(json([{ 'Fn::If': ['IsProd', { Sid: 'Prod' }, { Ref: 'AWS::NoValue' }] }])).toEqual([{ Sid: 'Prod' }]);
  });
});

describe('YAML scalars as CloudFormation reads them', () => {
  test('unquoted Version: 2012-10-17 is a string, not a date', () => {
    expect(yaml('Version: 2012-10-17\n')).toEqual({ Version: '2012-10-17' });
  });

  test('an account id with a leading zero keeps its digits', () => {
    expect(yaml('Account: 012345678901\n')).toEqual({ Account: '012345678901' });
  });
});
