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
  BuiltPolicies, Decision, Finding, InputFormat, KmsRequest, LintOptions, LintResult, PolicyDocument, PolicyExplanation, PolicyInput, PolicyKind, PolicySpec, SpecIssue, WhoCanAnswer, WhoCanExports,
} from './api-types.js';

export type * from './api-types.js';

/** Thrown by {@link buildPolicies} for a spec that does not validate; `issues` says what and how to fix it. */
export class PolicySpecError extends Error {
  override readonly name = 'PolicySpecError';
  constructor(readonly issues: readonly SpecIssue[]) {
    super(issues.map((i) => `${i.field}: ${i.message}`).join('; '));
  }
}

/**
 * Thrown by {@link evaluate} and {@link explain} for a policy given as text
 * that is not JSON. `message` is "name:line:column: Invalid JSON: ..." as the
 * CLI prints it; `finding` is the lint finding (code KW001) with its position.
 */
export class PolicyJsonError extends Error {
  override readonly name = 'PolicyJsonError';
  constructor(
    /** Which argument: "keyPolicy", "iamPolicies[0]", "policy". */
    readonly input: string,
    readonly finding: Finding,
  ) {
    super(`${input}:${finding.line}:${finding.column}: ${finding.message}`);
  }
  get line(): number {
    return this.finding.line;
  }
  get column(): number {
    return this.finding.column;
  }
}

/** `policy` as a value: a string is parsed as JSON (throws {@link PolicyJsonError}), anything else is returned as it is. */
function policyValue(policy: unknown, input: string): unknown {
  if (typeof policy !== 'string') return policy;
  try {
    return JSON.parse(policy) as unknown;
  } catch {
    // The linter reads the text with positions and names the problem as the CLI does.
    const [file] = lintFiles([{ name: input, text: policy }]);
    const finding = file?.findings.find((f) => f.code === 'KW001') ?? file?.findings.find((f) => f.severity === 'error');
    throw new PolicyJsonError(input, finding ?? { code: 'KW001', severity: 'error', message: 'Invalid JSON', pointer: '', line: 1, column: 1 });
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

/**
 * Evaluates a KMS request against a key policy and the caller's IAM policies, the way AWS does.
 * A policy given as text that is not JSON throws {@link PolicyJsonError} (its position, as the CLI prints it); nothing else throws.
 */
export function evaluate(request: KmsRequest, policies: { keyPolicy: PolicyDocument | object | string; iamPolicies?: readonly (PolicyDocument | object | string)[] }): Decision {
  return evaluateRequest(request, { keyPolicy: policyValue(policies.keyPolicy, 'keyPolicy'), iamPolicies: (policies.iamPolicies ?? []).map((p, i) => policyValue(p, `iamPolicies[${i}]`)) });
}

/** A policy in plain language: what each statement allows, and what it does not. Text that is not JSON throws {@link PolicyJsonError}. */
export function explain(policy: PolicyDocument | object | string, opts: { keyArn?: string; kind?: PolicyKind } = {}): PolicyExplanation {
  return explainPolicy(policyValue(policy, 'policy'), opts);
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
