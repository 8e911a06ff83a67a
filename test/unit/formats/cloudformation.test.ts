import { describe, expect, it } from 'vitest';
import { parse, type ScalarTag, type CollectionTag } from 'yaml';
import { cloudFormationAccountFile, CLOUDFORMATION_FILE, renderCloudFormation } from '../../../src/output/formats/cloudformation.js';
import { yamlString } from '../../../src/output/formats/yaml.js';
import { BUILT, CONCRETE_KEY_ARN, NEW_KEY_BUILT } from './specs.js';

// CloudFormation's short-form intrinsic functions, read into their long
// (JSON) form, the way CloudFormation itself reads a YAML template.
const FUNCTIONS = ['Ref', 'Sub', 'GetAtt', 'If', 'Equals', 'Not', 'And', 'Or', 'Join', 'Select', 'Split', 'FindInMap', 'Base64', 'ImportValue', 'GetAZs', 'Condition'];
const longName = (fn: string) => (fn === 'Ref' || fn === 'Condition' ? fn : `Fn::${fn}`);
const CFN_TAGS: (ScalarTag | CollectionTag)[] = FUNCTIONS.flatMap((fn): (ScalarTag | CollectionTag)[] => [
  {
    tag: `!${fn}`,
    resolve: (value: string) => ({ [longName(fn)]: fn === 'GetAtt' ? value.split('.') : value }),
  },
  { tag: `!${fn}`, collection: 'seq', resolve: (seq) => ({ [longName(fn)]: seq.toJSON() }) },
  { tag: `!${fn}`, collection: 'map', resolve: (map) => ({ [longName(fn)]: map.toJSON() }) },
]);

type Template = {
  AWSTemplateFormatVersion: string;
  Parameters?: Record<string, { Default: string; AllowedValues: string[] }>;
  Conditions?: Record<string, unknown>;
  Resources: Record<string, { Type: string; Condition?: string; DeletionPolicy?: string; Properties: Record<string, unknown> }>;
  Outputs: Record<string, unknown>;
};
const parseTemplate = (text: string) => parse(text, { customTags: CFN_TAGS }) as Template;

/** Evaluates Fn::If for one value of the template's conditions; leaves everything else as it is. */
function resolveIf(value: unknown, conditions: Record<string, boolean>): unknown {
  if (Array.isArray(value)) return value.map((v) => resolveIf(v, conditions));
  if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if ('Fn::If' in o) {
      const [name, yes, no] = o['Fn::If'] as [string, unknown, unknown];
      if (!(name in conditions)) throw new Error(`unknown condition ${name}`);
      return resolveIf(conditions[name] ? yes : no, conditions);
    }
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, resolveIf(v, conditions)]));
  }
  return value;
}

describe.each(BUILT)('cloudformation: $name', ({ result }) => {
  const files = renderCloudFormation(result);
  const { key } = result.spec;
  const ownIam = result.iamPolicies.find((p) => p.account === key.account);
  const others = result.iamPolicies.filter((p) => p.account !== key.account);
  const main = parseTemplate(files[0]!.content);

  it('writes kms-policy.yaml plus one template per other consumer account', () => {
    expect(files.map((f) => f.name)).toEqual([CLOUDFORMATION_FILE, ...others.map((p) => cloudFormationAccountFile(p.account))]);
    expect(files[0]!.content).toMatch(/cannot attach a key policy to a key it does not manage/);
    expect(main.AWSTemplateFormatVersion).toBe('2010-09-09');
  });

  it('has an AWS::KMS::Key whose KeyPolicy is exactly the JSON key policy, kept when the stack goes', () => {
    const k = main.Resources.Key!;
    expect(k.Type).toBe('AWS::KMS::Key');
    expect(k.Properties.KeyPolicy).toStrictEqual(result.keyPolicy);
    expect(k.DeletionPolicy).toBe('Retain');
    expect(k.Properties.MultiRegion).toBe(key.multiRegion ? true : undefined);
  });

  it('creates the key only when asked if it also manages an IAM policy for the existing key', () => {
    if (ownIam) {
      expect(main.Resources.Key!.Condition).toBe('CreateNewKey');
      expect(main.Parameters!.CreateKey!.Default).toBe('false');
      expect(main.Conditions!.CreateNewKey).toEqual({ 'Fn::Equals': [{ Ref: 'CreateKey' }, 'true'] });
    } else {
      expect(main.Resources.Key!.Condition).toBeUndefined();
      expect(main.Parameters).toBeUndefined();
      expect(Object.keys(main.Resources)).toEqual(['Key']);
    }
  });

  it.runIf(ownIam !== undefined)("the key account's IAM policy is exactly the JSON document for the existing key", () => {
    const iam = main.Resources.IamPolicy!;
    expect(iam.Type).toBe('AWS::IAM::ManagedPolicy');
    expect(resolveIf(iam.Properties.PolicyDocument, { CreateNewKey: false })).toStrictEqual(ownIam!.policy);
  });

  it.runIf(ownIam !== undefined)('and names the new key when the stack creates it', () => {
    const doc = resolveIf(main.Resources.IamPolicy!.Properties.PolicyDocument, { CreateNewKey: true }) as { Statement: { Resource: unknown }[] };
    const perRegion = result.spec.regions.map((r) => ({ 'Fn::Sub': `arn:${key.partition}:kms:${r}:${key.account}:key/\${Key}` }));
    const expected = !key.multiRegion ? { 'Fn::GetAtt': ['Key', 'Arn'] } : perRegion.length === 1 ? perRegion[0] : perRegion;
    for (const s of doc.Statement) expect(s.Resource).toStrictEqual(expected);
  });

  it('gives every other account its own template with exactly its IAM policy', () => {
    for (const p of others) {
      const t = parseTemplate(files.find((f) => f.name === cloudFormationAccountFile(p.account))!.content);
      expect(Object.keys(t.Resources)).toEqual(['IamPolicy']);
      expect(t.Resources.IamPolicy!.Properties.PolicyDocument).toStrictEqual(p.policy);
    }
  });

  it('attaches each IAM policy to the roles and users named (by name, as CloudFormation wants)', () => {
    for (const p of result.iamPolicies) {
      const t = p.account === key.account ? main : parseTemplate(files.find((f) => f.name === cloudFormationAccountFile(p.account))!.content);
      const props = t.Resources.IamPolicy!.Properties;
      const names = (kind: string) => p.attachTo.filter((a) => a.includes(`:${kind}/`)).map((a) => a.split('/').pop());
      expect(props.Roles).toEqual(names('role').length ? names('role') : undefined);
      expect(props.Users).toEqual(names('user').length ? names('user') : undefined);
    }
  });
});

describe('yamlString', () => {
  it.each(['true', 'no', 'Off', '2012-10-17', '*', 'a: b', '#x', '123456789012', ''])('quotes %j so YAML reads it back as the same string', (s) => {
    expect(parse(`v: ${yamlString(s)}`)).toEqual({ v: s });
    expect(parse(`v: ${yamlString(s)}`, { version: '1.1' })).toEqual({ v: s });
  });
});

describe.each(NEW_KEY_BUILT)('cloudformation, a new key: $name', ({ result }) => {
  const files = renderCloudFormation(result);
  const { key } = result.spec;
  const own = result.iamPlans.find((p) => p.account === key.account);
  const main = parseTemplate(files[0]!.content);

  it('writes only kms-policy.yaml: other accounts\' IAM policies wait for the key ARN', () => {
    expect(files.map((f) => f.name)).toEqual([CLOUDFORMATION_FILE]);
  });

  it('always creates the key, with exactly the key policy (no CreateKey parameter)', () => {
    const k = main.Resources.Key!;
    expect(k.Condition).toBeUndefined();
    expect(main.Parameters).toBeUndefined();
    expect(k.Properties.KeyPolicy).toStrictEqual(result.keyPolicy);
    expect(k.Properties.MultiRegion).toBe(key.multiRegion ? true : undefined);
    expect(main.Outputs.KeyArn).toEqual({ Description: 'The ARN of the key this stack created', Value: { 'Fn::GetAtt': ['Key', 'Arn'] } });
  });

  it("the key account's IAM policy names the created key, and CloudFormation names the policy", () => {
    if (!own) {
      expect(Object.keys(main.Resources)).toEqual(['Key']);
      return;
    }
    const perRegion = result.spec.regions.map((r) => ({ 'Fn::Sub': `arn:${key.partition}:kms:${r}:${key.account}:key/\${Key}` }));
    const expected = !key.multiRegion ? { 'Fn::GetAtt': ['Key', 'Arn'] } : perRegion.length === 1 ? perRegion[0] : perRegion;
    const iam = main.Resources.IamPolicy!;
    expect(iam.Properties.PolicyDocument).toStrictEqual(own.naming(expected));
    expect(iam.Properties.ManagedPolicyName).toBeUndefined();
  });

  it('holds no key ARN', () => {
    expect(files[0]!.content).not.toMatch(CONCRETE_KEY_ARN);
  });
});
