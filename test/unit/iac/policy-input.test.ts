// The one reader of policy inputs (core/iac/policy-input.ts, select-policy.ts)
// and the YAML reader's limits (yaml-source.ts): what counts as nesting, what
// an alias costs, what is a duplicate, and how a policy is picked.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { readPolicyInput, selectIamPolicies, selectKeyPolicy, selectPolicies, type PolicyInput } from '../../../src/core/iac/index.js';
import { parseYamlSource } from '../../../src/core/iac/yaml-source.js';

const FIXTURES = new URL('../../fixtures/iac/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');
const ok = (input: PolicyInput) => {
  if (!input.ok) throw new Error(input.message);
  return input;
};

describe('YAML nesting is measured on the lexer tokens, before the parser runs', () => {
  test('brackets inside plain, quoted and block scalars and comments are not nesting', () => {
    const text = [
      'Resources:',
      '  K:',
      '    Type: AWS::KMS::Key',
      `    Description: ${'a[b'.repeat(300)}`,
      `    Quoted: '${'[{'.repeat(300)}'`,
      `    # ${'['.repeat(300)}`,
      '    Block: |',
      `      ${'['.repeat(300)}`,
      `    ${'LongKey'.repeat(60)}: value`,
    ].join('\n');
    expect(parseYamlSource(text).ok).toBe(true);
  });

  test('a template indented 40 levels deep is read; 257 flow levels, or block levels, are not', () => {
    let block = 'Resources:\n';
    for (let i = 0; i < 40; i++) block += `${'  '.repeat(i + 1)}k${i}:\n`;
    block += `${'  '.repeat(41)}v\n`;
    expect(parseYamlSource(block).ok).toBe(true);
    const flow = parseYamlSource(`Resources: ${'['.repeat(257)}${']'.repeat(257)}\n`);
    expect(flow).toMatchObject({ ok: false, message: expect.stringContaining('nests more than 256 levels deep (the nesting limit') });
    const compact = parseYamlSource(`Resources:\n  ${'- '.repeat(300)}x\n`);
    expect(compact).toMatchObject({ ok: false, message: expect.stringContaining('the nesting limit') });
  });
});

describe('YAML aliases', () => {
  const anchored = 'Resources:\n  A: &a [x, y]\n  B: *a\n  C: *a\n';

  test('an alias reads the value of the last anchor of that name written before it (YAML 1.2, 3.2.2.2)', () => {
    const r = parseYamlSource('Resources:\n  A: &a first\n  B: *a\n  C: &a second\n  D: *a\n');
    if (!r.ok) throw new Error(r.message);
    const values = r.root.type === 'object' ? r.root.entries[0]!.value : undefined;
    expect(values?.type === 'object' && values.entries.map((e) => (e.value.type === 'scalar' ? e.value.value : e.value.type))).toEqual(['first', 'first', 'second', 'second']);
  });

  test('each alias read counts against maxAliasCount; each value copied against maxAliasNodes', () => {
    expect(parseYamlSource(anchored, { maxAliasCount: 2 }).ok).toBe(true);
    expect(parseYamlSource(anchored, { maxAliasCount: 1 })).toMatchObject({ ok: false, message: expect.stringContaining('more than 1 times (the alias count limit') });
    // Each alias copies the list and its two items: 3 values.
    expect(parseYamlSource(anchored, { maxAliasNodes: 6 }).ok).toBe(true);
    expect(parseYamlSource(anchored, { maxAliasNodes: 5 })).toMatchObject({ ok: false, message: expect.stringContaining('more than 5 values (the alias size limit') });
    // Two aliases copy "x" and "y" each: 4 characters.
    expect(parseYamlSource(anchored, { maxAliasChars: 4 }).ok).toBe(true);
    expect(parseYamlSource(anchored, { maxAliasChars: 3 })).toMatchObject({ ok: false, message: expect.stringContaining('copy more than 3 characters of text (the alias text limit') });
  });
});

describe('duplicate keys in YAML', () => {
  test('at any level, an error at the second copy', () => {
    const text = 'Resources:\n  K:\n    Type: AWS::KMS::Key\n    Type: AWS::IAM::Policy\n';
    expect(parseYamlSource(text)).toMatchObject({ ok: false, offset: text.lastIndexOf('Type'), message: expect.stringContaining('a key is written twice in the same map') });
    expect(parseYamlSource('Resources: {K: {Type: A, Type: B}}\n')).toMatchObject({ ok: false, message: expect.stringContaining('written twice') });
  });
});

describe('readPolicyInput and the selectors', () => {
  test("get-key-policy's JSON output gives the policy inside it, with positions in the file", async () => {
    const policy = '{"Version":"2012-10-17","Statement":[]}';
    const text = JSON.stringify({ Policy: policy, PolicyName: 'default' });
    const input = ok(await readPolicyInput(text));
    expect(input.format).toBe('json');
    expect(input.policies).toHaveLength(1);
    expect(input.policies[0]).toMatchObject({ kind: 'key', text: policy });
    expect(text.slice(input.policies[0]!.fileOffset(1), input.policies[0]!.fileOffset(1) + 10)).toBe('\\"Version\\');
    // A policy with a Policy member among others is a policy, taken whole.
    const other = JSON.stringify({ Policy: policy, Statement: [] });
    expect(ok(await readPolicyInput(other)).policies[0]!.text).toBe(other);
  });

  test('a template: each policy with its logical id; one key policy picked, or --policy NAME', async () => {
    const input = ok(await readPolicyInput(read('cfn-two-keys.yaml')));
    expect(input.policies.map((p) => p.resource)).toEqual(['RestrictedKey', 'PlainKey', 'UseRestrictedKey', 'UsePlainKey']);
    const many = selectKeyPolicy('t.yaml', input, undefined);
    expect(many).toEqual({ ok: false, error: 't.yaml has 2 key policies (RestrictedKey, PlainKey): pick one with --policy NAME, e.g. --policy RestrictedKey' });
    const one = selectKeyPolicy('t.yaml', input, 'PlainKey');
    expect(one.ok && one.value.name).toBe('t.yaml PlainKey');
    expect(selectKeyPolicy('t.yaml', input, 'Nope')).toEqual({ ok: false, error: 't.yaml has no policy named "Nope"; its policies are: RestrictedKey, PlainKey, UseRestrictedKey, UsePlainKey' });
    const iam = selectIamPolicies('t.yaml', input);
    expect(iam.ok && iam.value.map((s) => s.name)).toEqual(['t.yaml UseRestrictedKey', 't.yaml UsePlainKey']);
    const all = selectPolicies('t.yaml', input, undefined);
    expect(all.ok && all.value.map((s) => s.kind)).toEqual(['key', 'key', 'iam', 'iam']);
  });

  test('a Terraform data source that writes the key policy is no second choice; the kind of a document comes from lint', async () => {
    const input = ok(await readPolicyInput(read('tf-0.12.json')));
    const data = input.policies.find((p) => p.resource === 'data.aws_iam_policy_document.disks')!;
    expect(data.kind).toBeUndefined();
    const picked = selectKeyPolicy('plan.json', input, undefined);
    expect(picked.ok && picked.value.policy.resource).toBe('aws_kms_key.disks');
    expect(selectPolicies('plan.json', input, 'data.aws_iam_policy_document.disks')).toMatchObject({ ok: true, value: [{ kind: 'key' }] });
  });

  test('a policy far over the largest AWS accepts is refused before anything parses it', async () => {
    const huge = JSON.stringify({ Version: '2012-10-17', Statement: Array(5000).fill({ Effect: 'Allow', Principal: '*', Action: 'kms:*', Resource: '*' }) });
    const r = selectKeyPolicy('big.json', ok(await readPolicyInput(huge)), undefined);
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/^big\.json: the policy has [\d,]+ characters, over the 131,072-character policy limit/) });
  });
});
