// Choosing policies from what readPolicyInput found, the same way in every
// command: `--policy NAME` (a Terraform address or CloudFormation logical id)
// picks one; without it, explain takes them all, and simulate, diff and
// --from take the file's one key policy, or say which ones there are.
import type { DocumentKind } from '../policy-kind.js';
import { fail, ok, type Result } from '../result.js';
import { noteMessage } from './notes.js';
import { policyTooLarge } from './policy-size.js';
import { policyKind, policyName, type InputPolicy, type PolicyInput } from './policy-input.js';

/** A policy chosen from a file: how messages name it, and the policy. */
export interface SelectedPolicy {
  /** The file, or the file and the resource (`template.yaml MyKey`). */
  readonly name: string;
  readonly policy: InputPolicy;
  /** The kind from the resource type or, failing that, from the document (lint's detectKind). */
  readonly kind: DocumentKind | undefined;
}

/** "file:line:column: why", for an input that cannot be read. */
export function inputProblem(file: string, input: Extract<PolicyInput, { ok: false }>): string {
  const { line, column } = input.lines.position(input.offset);
  return `${file}:${line}:${column}: ${input.message}`;
}

const KIND_NAME: Record<DocumentKind, string> = { key: 'a key policy', iam: 'an IAM policy', trust: 'an IAM role trust policy', resource: "another service's resource policy" };

/** The names `--policy` accepts in this file, for messages. */
function choices(policies: readonly { resource?: string }[]): string {
  const names = policies.flatMap((p) => (p.resource !== undefined ? [p.resource] : []));
  const shown = names.slice(0, 10).join(', ');
  return names.length > 10 ? `${shown} and ${names.length - 10} more` : shown;
}

/** Refuses a policy far larger than any AWS accepts before anything parses it (see policy-size.ts). */
export function sizeProblem(selected: SelectedPolicy): string | undefined {
  return policyTooLarge(selected.name, selected.policy.text);
}

/**
 * Every policy of a file, or the one `selector` names. A selector is for a
 * template or plan; a file that is itself a policy is taken whole.
 */
export function selectPolicies(file: string, input: Extract<PolicyInput, { ok: true }>, selector: string | undefined): Result<SelectedPolicy[], string> {
  const all = input.policies.map((policy) => ({ name: policyName(file, policy), policy, kind: policyKind(policy) }));
  if (selector === undefined || input.format === 'json') return ok(all);
  const named = all.filter((s) => s.policy.resource === selector);
  if (named.length > 0) return ok(named);
  return fail(`${file} has no policy named "${selector}"; ${all.length > 0 ? `its policies are: ${choices(input.policies)}` : 'it has no key or IAM policies'}`);
}

/**
 * The one key policy of a file (simulate --key-policy, diff, --from). A file
 * that is a policy is one (the command's own checks say whether it is a key
 * policy); in a template or plan, the key policy `selector` names, or the
 * only one there is.
 */
export function selectKeyPolicy(file: string, input: PolicyInput, selector: string | undefined): Result<SelectedPolicy, string> {
  if (!input.ok) return fail(inputProblem(file, input));
  if (input.format === 'json') {
    const whole: SelectedPolicy = { name: file, policy: input.policies[0]!, kind: 'key' };
    const big = sizeProblem(whole);
    return big ? fail(big) : ok(whole);
  }
  const selected = selectPolicies(file, input, selector);
  if (!selected.ok) return selected;
  const keys = withoutDataCopies(selected.value.filter((s) => s.kind === 'key'));
  if (selector !== undefined && keys.length === 0) {
    const kind = selected.value[0]?.kind;
    return fail(`${policyName(file, { resource: selector })} is ${kind ? KIND_NAME[kind] : 'not a policy document'}, not a key policy`);
  }
  if (keys.length === 1) {
    const big = sizeProblem(keys[0]!);
    return big ? fail(big) : ok(keys[0]!);
  }
  if (keys.length > 1) {
    return fail(`${file} has ${keys.length} key policies (${choices(keys.map((k) => k.policy))}): pick one with --policy NAME, e.g. --policy ${keys[0]!.policy.resource}`);
  }
  const defaults = input.notes.filter((n) => n.kind === 'key');
  const why = defaults.map((n) => `${n.resource}: ${noteMessage(n.note).message}`);
  return fail([`${file} has no key policy to read${input.policies.length > 0 ? ` (its policies are IAM policies: ${choices(input.policies)})` : ''}`, ...why].join('\n'));
}

/**
 * The IAM policies of a file (simulate and diff --iam-policy): a file that is
 * a policy is one; a template or plan gives each of its IAM policies.
 */
export function selectIamPolicies(file: string, input: PolicyInput): Result<SelectedPolicy[], string> {
  if (!input.ok) return fail(inputProblem(file, input));
  const all = selectPolicies(file, input, undefined);
  if (!all.ok) return all;
  const iam = input.format === 'json' ? all.value.map((s) => ({ ...s, kind: 'iam' as const })) : all.value.filter((s) => s.kind === 'iam');
  if (iam.length === 0) return fail(`${file} has no IAM policy to read${all.value.length > 0 ? ` (it has key policies: ${choices(all.value.map((s) => s.policy))})` : ''}`);
  const big = iam.map(sizeProblem).find((p) => p !== undefined);
  return big ? fail(big) : ok(iam);
}

/**
 * A Terraform data source (aws_iam_policy_document) that writes a key's
 * policy is not another key policy: the key resource holds the same document,
 * and is what the deploying tool sets, so only the key is a choice.
 */
function withoutDataCopies(keys: SelectedPolicy[]): SelectedPolicy[] {
  if (keys.length < 2) return keys;
  const canonical = (text: string): string | undefined => {
    try {
      return JSON.stringify(JSON.parse(text), (_, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v));
    } catch {
      return undefined;
    }
  };
  const isData = (s: SelectedPolicy) => s.policy.resource?.startsWith('data.') || s.policy.resource?.includes('.data.');
  const resources = new Set(keys.filter((k) => !isData(k)).map((k) => canonical(k.policy.text)));
  return keys.filter((k) => !isData(k) || !resources.has(canonical(k.policy.text)));
}
