// The key and IAM policies of a CloudFormation template (JSON or YAML; SAM
// and CDK synth output are CloudFormation templates too). Resource types and
// properties: "AWS resource and property types reference", AWS CloudFormation
// User Guide, and "AWS::Serverless::Function" Policies, AWS SAM Developer Guide.
import type { PolicyKind } from '../lint/types.js';
import type { KeyFacts } from '../lint/model.js';
import { evaluate, ExpansionBudget, type IntrinsicLimits, type PolicyValue } from './intrinsics.js';
import { templateKeyFacts } from './key-facts.js';
import type { IacNote } from './notes.js';
import { policyTextOf, stringLiteralOffsets, type ExtractedPolicy, type FoundPolicies } from './policy-text.js';
import { memberOf, stringOf, type SourceNode } from './source-tree.js';

/**
 * Whether a parsed document is a CloudFormation template: a Resources map
 * whose entries have a Type (the one section every template has).
 */
export function isTemplate(root: SourceNode): boolean {
  const resources = memberOf(root, 'Resources');
  if (resources?.type !== 'object') return false;
  return resources.entries.length === 0 ? memberOf(root, 'AWSTemplateFormatVersion') !== undefined : resources.entries.some((e) => stringOf(memberOf(e.value, 'Type')) !== undefined);
}

/**
 * Extracts every policy document. `raw` is the file text when the template
 * is JSON (a policy given as a JSON string then maps into it character by
 * character); for YAML such a string maps to where it starts.
 */
export function templatePolicies(root: SourceNode, raw: string | undefined, limits?: IntrinsicLimits): FoundPolicies {
  // One budget for the whole template; evaluate() throws IntrinsicLimitError past it.
  const budget = new ExpansionBudget(limits);
  const policies: ExtractedPolicy[] = [];
  const notes: IacNote[] = [];
  const add = (resource: string, kind: PolicyKind | undefined, doc: PolicyValue | undefined, keyRefs?: string[], key?: KeyFacts) => {
    const extracted = doc && policyFrom(resource, kind, doc, raw);
    if (extracted) policies.push(keyRefs ? { ...extracted, keyRefs, ...(key ? { key } : {}) } : extracted);
  };
  const resources = memberOf(root, 'Resources');
  if (resources?.type !== 'object') return { policies, notes };
  for (const { key: id, keyOffset, value: resource } of resources.entries) {
    const type = stringOf(memberOf(resource, 'Type'));
    const propsNode = memberOf(resource, 'Properties');
    budget.resource = id;
    const props = propsNode ? evaluate(propsNode, budget) : undefined;
    const prop = (name: string) => (props?.type === 'object' ? props.entries.find((e) => e.key === name)?.value : undefined);
    switch (type) {
      case 'AWS::KMS::Key':
      case 'AWS::KMS::ReplicaKey': {
        const policy = prop('KeyPolicy');
        // How other policies of the template name this key (as opaque values: see policyTextOf).
        // A Sub with literal text keeps its variables as written (`key/${Key}`: see PolicyValue's partial).
        const refs = [`\${Fn::GetAtt ${id}.`, `\${Ref ${id}}`, `\${Fn::Sub \${${id}}`, `\${Fn::Sub \${${id}.`, `\${${id}}`, `\${${id}.`];
        if (policy) add(id, 'key', policy, refs, templateKeyFacts(type, prop, refs));
        // "If you don't specify a key policy, AWS KMS attaches a default key policy" (AWS::KMS::Key, KeyPolicy).
        else if (type === 'AWS::KMS::Key') notes.push({ resource: id, kind: 'key', offset: keyOffset, note: 'default-key-policy' });
        break;
      }
      case 'AWS::IAM::Policy':
      case 'AWS::IAM::ManagedPolicy':
        add(id, 'iam', prop('PolicyDocument'));
        break;
      case 'AWS::IAM::Role':
      case 'AWS::IAM::User':
      case 'AWS::IAM::Group': {
        const inline = prop('Policies');
        if (inline?.type !== 'array') break;
        inline.items.forEach((p, i) => {
          const name = p.type === 'object' ? p.entries.find((e) => e.key === 'PolicyName')?.value : undefined;
          const label = name?.type === 'scalar' ? String(name.value) : `Policies[${i}]`;
          add(`${id}/${label}`, 'iam', p.type === 'object' ? p.entries.find((e) => e.key === 'PolicyDocument')?.value : undefined);
        });
        break;
      }
      case 'AWS::Serverless::Function': {
        // Policies: a policy name or ARN, a policy document, a SAM policy
        // template, or a list of these; only inline documents are policies here.
        const samPolicies = prop('Policies');
        const list = samPolicies?.type === 'array' ? samPolicies.items : samPolicies ? [samPolicies] : [];
        list.forEach((p, i) => {
          if (p.type === 'object' && p.entries.some((e) => e.key === 'Statement')) add(samPolicies?.type === 'array' ? `${id}/Policies[${i}]` : `${id}/Policies`, 'iam', p);
        });
        break;
      }
    }
  }
  return { policies, notes };
}

function policyFrom(resource: string, kind: PolicyKind | undefined, doc: PolicyValue, raw: string | undefined): ExtractedPolicy | undefined {
  if (doc.type === 'scalar' && typeof doc.value === 'string') {
    // A policy written as a JSON string: the linter reads the string itself.
    const fileOffset = raw !== undefined ? stringLiteralOffsets(raw, doc.offset) : () => doc.offset;
    return { resource, kind, text: doc.value, fileOffset, opaque: [] };
  }
  if (doc.type === 'opaque') return undefined; // a policy from a parameter or another stack: nothing to check
  const { text, fileOffset, opaque } = policyTextOf(doc);
  return { resource, kind, text, fileOffset, opaque };
}
