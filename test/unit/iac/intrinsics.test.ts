// Intrinsic functions as the readers evaluate them ("Intrinsic function
// reference" and "Pseudo parameters reference", AWS CloudFormation User Guide).
import { describe, expect, test } from 'vitest';
import { parseJsonSource } from '../../../src/core/iac/json-source.js';
import { evaluate, ExpansionBudget, IntrinsicLimitError, type PolicyValue } from '../../../src/core/iac/intrinsics.js';
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

describe('expansion is bounded: one budget of characters and values per template, checked as it expands (issue 21)', () => {
  const parsed = (value: unknown) => {
    const p = parseJsonSource(JSON.stringify(value));
    if (!p.ok) throw new Error(p.message);
    return p.root;
  };
  /** Fn::Sub whose variable is an Fn::Sub naming its own variable `reps` times, `levels` deep: reps^levels characters. */
  const nestedSub = (levels: number, reps: number): unknown => {
    let v: unknown = 'x';
    for (let i = levels; i > 0; i--) v = { 'Fn::Sub': ['${v}'.repeat(reps), { v }] };
    return v;
  };
  const limitOf = (run: () => unknown): IntrinsicLimitError => {
    try {
      run();
    } catch (err) {
      if (err instanceof IntrinsicLimitError) return err;
      throw err;
    }
    throw new Error('no limit was hit');
  };

  test('a nested Fn::Sub of 10^20 characters stops at the text limit, naming the resource', () => {
    const budget = new ExpansionBudget();
    budget.resource = 'Bomb';
    const started = Date.now();
    const err = limitOf(() => evaluate(parsed(nestedSub(20, 10)), budget));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(err.limit).toBe('chars');
    expect(err.message).toBe('the intrinsic functions of resource Bomb expand to more than 10,485,760 characters of text');
    expect(err.raise).toContain('KMS_WIZARD_INTRINSIC_MAX_CHARS');
  });

  test('the text limit is checked before a string is made: one character over is refused, exactly at it is not', () => {
    const join = parsed({ 'Fn::Join': ['-', ['aaaa', 'bbbb']] }); // 9 characters
    expect(plain(evaluate(join, new ExpansionBudget({ maxChars: 9, maxSteps: 100 })))).toBe('aaaa-bbbb');
    expect(limitOf(() => evaluate(join, new ExpansionBudget({ maxChars: 8, maxSteps: 100 }))).limit).toBe('chars');
  });

  test('the values evaluated count against the step limit, and the budget is shared by every evaluate() of a template', () => {
    const list = parsed(['a', 'b', 'c', 'd']); // the list and its 4 items: 5 values
    const budget = new ExpansionBudget({ maxChars: 1_000, maxSteps: 9 });
    expect(plain(evaluate(list, budget))).toEqual(['a', 'b', 'c', 'd']);
    const err = limitOf(() => evaluate(list, budget));
    expect(err.limit).toBe('steps');
    expect(err.message).toBe('its intrinsic functions expand to more than 9 values');
  });

  test('Fn::Split into a million items is refused by the step limit before the items are made', () => {
    const split = parsed({ 'Fn::Split': [',', 'a,'.repeat(1_000_000)] });
    expect(limitOf(() => evaluate(split, new ExpansionBudget({ maxChars: 10_000_000, maxSteps: 1_000 }))).limit).toBe('steps');
    expect(plain(evaluate(parsed({ 'Fn::Split': [',', 'a,b'] }), new ExpansionBudget({ maxChars: 100, maxSteps: 5 })))).toEqual(['a', 'b']);
  });

  test('an Fn::Sub variable named many times is evaluated once', () => {
    const sub = parsed({ 'Fn::Sub': ['${v}'.repeat(1_000), { v: { 'Fn::Join': ['', ['a', 'b']] } }] });
    // The Sub, its variable's Join, the Join's delimiter, list and two items: 6 values, not 5,000.
    expect(plain(evaluate(sub, new ExpansionBudget({ maxChars: 10_000, maxSteps: 6 })))).toBe('ab'.repeat(1_000));
  });
});
