// The library API: build the policy pair in code (a CDK or Pulumi program),
// lint policies and infrastructure files (a test suite), evaluate a request,
// explain a policy. Everything here is offline and pure, like the CLI's core.
import { build, InvalidSpecError } from '../core/build.js';
import { evaluate as evaluateRequest } from '../core/evaluate/index.js';
import { explainPolicy } from '../core/explain/index.js';
import { detectInput, lintInfrastructure } from '../core/iac/index.js';
import { lintFiles } from '../core/lint/index.js';
import { ExportError, whoCanFromTexts } from '../core/who-can/index.js';
import type {
  BuiltPolicies, Decision, InputFormat, KmsRequest, LintOptions, LintResult, PolicyDocument, PolicyExplanation, PolicyInput, PolicyKind, PolicySpec, SpecIssue, WhoCanAnswer, WhoCanExports,
} from './api-types.js';

export type * from './api-types.js';

/** Thrown by {@link buildPolicies} for a spec that does not validate; `issues` says what and how to fix it. */
export class PolicySpecError extends Error {
  override readonly name = 'PolicySpecError';
  constructor(readonly issues: readonly SpecIssue[]) {
    super(issues.map((i) => `${i.field}: ${i.message}`).join('; '));
  }
}

/** Builds the key policy and its IAM policies from a spec; throws {@link PolicySpecError} when the spec is invalid. */
export function buildPolicies(spec: PolicySpec): BuiltPolicies {
  const { newKey, ...rest } = spec;
  try {
    const { keyPolicy, iamPolicies, iamPlans, explanation, notes, warnings } = build({ ...rest, ...(newKey ? { newKey: { ...newKey, multiRegion: newKey.multiRegion ?? false } } : {}) });
    const plans = iamPlans.map(({ account, fileName, attachTo, naming }) => ({
      account,
      fileName,
      attachTo,
      // The ARN is not parsed: a CDK or Pulumi program passes a token that resolves at deploy time.
      policyFor: (keyArn: string | readonly string[]): PolicyDocument => {
        const arns = typeof keyArn === 'string' ? [keyArn] : [...keyArn];
        if (arns.length === 0 || arns.some((a) => typeof a !== 'string' || a.trim() === '')) {
          throw new TypeError('policyFor needs the key ARN (for a multi-Region key, one ARN per Region\'s key)');
        }
        return naming<string | string[]>(arns.length === 1 ? arns[0]! : arns);
      },
    }));
    return { keyPolicy, iamPolicies, iamPlans: plans, explanation, notes, warnings };
  } catch (err) {
    if (err instanceof InvalidSpecError) throw new PolicySpecError(err.issues);
    throw err;
  }
}

function textOf(policy: string | object): string {
  return typeof policy === 'string' ? policy : JSON.stringify(policy, null, 2);
}

/**
 * Lints policies together: each on its own, then the IAM policies against
 * the key policy (when exactly one is a key policy) and against `keyArn`.
 */
export function lintPolicies(inputs: readonly PolicyInput[], opts: LintOptions = {}): LintResult[] {
  return lintFiles(
    inputs.map((p, i) => ({ name: p.name ?? `policy-${i + 1}`, text: textOf(p.policy), ...(p.type ? { type: p.type } : {}) })),
    opts.keyArn ? { keyArn: opts.keyArn } : {},
  ).map(({ name, kind, findings }) => ({ name, kind, findings }));
}

/** Lints one policy (JSON text or document). */
export function lintPolicy(policy: string | object, opts: LintOptions & { type?: PolicyKind } = {}): LintResult {
  return lintPolicies([{ name: 'policy', policy, ...(opts.type ? { type: opts.type } : {}) }], opts)[0]!;
}

/**
 * Lints a file as the lint command does: a policy, a Terraform plan
 * (terraform show -json) or a CloudFormation/SAM/CDK template (JSON or YAML),
 * detected from the content unless `input` says which. A template gives one
 * result per policy, with findings on the template's own lines.
 */
export async function lintFile(name: string, text: string, opts: LintOptions & { input?: InputFormat } = {}): Promise<LintResult[]> {
  const { format, source } = opts.input ? { format: opts.input, source: undefined } : detectInput(text);
  const lintOpts = opts.keyArn ? { keyArn: opts.keyArn } : {};
  if (format === 'json') return lintPolicies([{ name, policy: text }], lintOpts);
  return (await lintInfrastructure(name, text, format, lintOpts, source)).map(({ name: file, resource, kind, findings }) => ({ name: file, ...(resource !== undefined ? { resource } : {}), kind, findings }));
}

/** Evaluates a KMS request against a key policy and the caller's IAM policies, the way AWS does. Never throws. */
export function evaluate(request: KmsRequest, policies: { keyPolicy: PolicyDocument | object | string; iamPolicies?: readonly (PolicyDocument | object | string)[] }): Decision {
  const read = (p: unknown) => (typeof p === 'string' ? (JSON.parse(p) as unknown) : p);
  return evaluateRequest(request, { keyPolicy: read(policies.keyPolicy), iamPolicies: (policies.iamPolicies ?? []).map(read) });
}

/** A policy in plain language: what each statement allows, and what it does not. */
export function explain(policy: PolicyDocument | object | string, opts: { keyArn?: string; kind?: PolicyKind } = {}): PolicyExplanation {
  return explainPolicy(typeof policy === 'string' ? (JSON.parse(policy) as unknown) : policy, opts);
}

/** Thrown by {@link whoCan} for a malformed export: which file, which field, what is wrong. */
export class WhoCanInputError extends Error {
  override readonly name = 'WhoCanInputError';
  constructor(readonly file: string, readonly field: string, message: string) {
    super(message);
  }
}

/**
 * Who can use a key, how, and who could take it over, from the read-only AWS
 * CLI exports (the who-can command). Throws {@link WhoCanInputError} naming the
 * file and field of a malformed export, and TypeError for a key ARN that does not parse.
 */
export function whoCan(exports: WhoCanExports): WhoCanAnswer {
  try {
    return whoCanFromTexts(exports);
  } catch (err) {
    if (err instanceof ExportError) throw new WhoCanInputError(err.file, err.field, err.message);
    throw err;
  }
}
