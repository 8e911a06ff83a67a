// A policy document given as plain JSON that still carries CloudFormation
// intrinsic functions ({"Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:root"},
// {"Ref": "AWS::AccountId"}, {"Fn::GetAtt": [...]}): a KeyPolicy or
// PolicyDocument copied out of a template. It is read as the template reader
// reads a template's policies (iac/intrinsics.ts): what can be resolved is,
// what only deployment knows becomes an opaque value no finding may be about,
// and is never taken for "nobody".
import { evaluate } from '../iac/intrinsics.js';
import { parseJsonSource } from '../iac/json-source.js';
import { policyTextOf } from '../iac/policy-text.js';
import type { JsonNode } from './json-tree.js';

/** The evaluated policy text, the way back to the original offsets, and the opaque values' pointers. */
export interface EvaluatedPolicy {
  readonly text: string;
  readonly fileOffset: (offset: number) => number;
  readonly opaque: readonly string[];
}

/** Whether any object of the document is an intrinsic function: its only member is Ref or Fn::<name>. */
export function carriesIntrinsics(node: JsonNode): boolean {
  if (node.type === 'array') return (node.children ?? []).some(carriesIntrinsics);
  if (node.type !== 'object') return false;
  const props = node.children ?? [];
  if (props.length === 1) {
    const name = props[0]!.children?.[0]?.value;
    if (name === 'Ref' || (typeof name === 'string' && name.startsWith('Fn::'))) return true;
  }
  return props.some((p) => p.children?.[1] !== undefined && carriesIntrinsics(p.children[1]));
}

/** Evaluates the intrinsics of a policy text (already known to parse as JSON). */
export function evaluatePolicyText(text: string): EvaluatedPolicy | undefined {
  const source = parseJsonSource(text);
  if (!source.ok) return undefined;
  const value = evaluate(source.root);
  if (!value || value.type !== 'object') return undefined;
  return policyTextOf(value);
}
