// The one reader of policy inputs, for every command (lint, explain, simulate,
// diff, generate --from, the wizard's --from): a file's text becomes the list
// of policy documents it holds, each with a name. A file is a policy, the
// `aws kms get-key-policy` JSON output around one, a Terraform plan or state
// (`terraform show -json`), or a CloudFormation template in JSON or YAML (SAM
// templates and CDK synth output are templates too).
import { buildModel } from '../lint/model.js';
import { LineIndex, parseJson, tooDeepAt } from '../lint/json-tree.js';
import { MAX_LINT_CHARS, MAX_NESTING } from '../lint/rules/too-large-to-lint.js';
import type { DocumentKind } from '../policy-kind.js';
import { isTemplate, templatePolicies } from './cloudformation.js';
import { IntrinsicLimitError, type IntrinsicLimits } from './intrinsics.js';
import { JsonValueSource, parseJsonSource, parseJsonValue, type ReadSource } from './json-source.js';
import type { IacNote } from './notes.js';
import { stringLiteralOffsets, type ExtractedPolicy } from './policy-text.js';
import { memberOf, stringOf, type DuplicateKey, type SourceNode } from './source-tree.js';
import { isTerraformPlan, planPolicies } from './terraform-plan.js';
import type { YamlLimits } from './yaml-limits.js';

/** What an input is: a policy document, a Terraform plan, or a CloudFormation template. */
export type InputFormat = 'json' | 'terraform-plan' | 'cloudformation';
export const INPUT_FORMATS: readonly InputFormat[] = ['json', 'terraform-plan', 'cloudformation'];

/** One policy document of an input file. */
export interface InputPolicy extends Omit<ExtractedPolicy, 'resource'> {
  /** The Terraform address or CloudFormation logical id (with the inline policy's name); undefined when the file is the policy. */
  readonly resource?: string;
}

/** What a file holds, or why it cannot be read (at an offset of the file). */
export type PolicyInput =
  | {
      readonly ok: true;
      readonly format: InputFormat;
      readonly lines: LineIndex;
      readonly policies: readonly InputPolicy[];
      readonly notes: readonly IacNote[];
      /** Names a JSON template or plan writes twice (the last copy is read): each is a KW904 error. */
      readonly duplicates?: readonly DuplicateKey[];
    }
  | { readonly ok: false; readonly format: InputFormat; readonly lines: LineIndex; readonly offset: number; readonly message: string };

const TEMPLATE_YAML = /^(AWSTemplateFormatVersion|Resources|Transform)[ \t]*:/m;
/** A JSON member that only a template (Resources) or a plan (format_version) has at its top. */
const TEMPLATE_JSON_KEY = /"Resources"\s*:/;
const PLAN_JSON_KEY = /"format_version"\s*:/;

export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Detects the format from the content: JSON with format_version and a plan
 * section is a Terraform plan; JSON or YAML with a Resources map of typed
 * resources is a CloudFormation template; anything else is a policy. With
 * the format comes the parsed JSON when finding it took a parse, so a plan
 * of many megabytes is parsed once, not twice (with JSON.parse: no position
 * tree). A JSON file that cannot be parsed but names a template's or a plan's
 * top-level member is read as one, so its error says what the file is (not
 * "this is not a policy").
 */
export function detectInput(rawText: string): { readonly format: InputFormat; readonly source?: ReadSource } {
  const text = withoutBom(rawText);
  if (/^\s*\{/.test(text)) {
    // A template needs a Resources key and a plan a format_version key, spelled
    // out or with \u escapes: a text with neither is a policy, with no parse.
    if (!/Resources|format_version|\\u/.test(text)) return { format: 'json' };
    const read = parseJsonValue(text);
    if (!read.ok) return { format: PLAN_JSON_KEY.test(text) ? 'terraform-plan' : TEMPLATE_JSON_KEY.test(text) ? 'cloudformation' : 'json', source: read };
    if (isTerraformPlan({ value: read.json })) return { format: 'terraform-plan', source: new JsonValueSource(read.json) };
    if (!isTemplateValue(read.json)) return { format: 'json' };
    const tree = parseJsonSource(text);
    return tree.ok && isTemplate(tree.root) ? { format: 'cloudformation', source: tree } : { format: 'json' };
  }
  return { format: TEMPLATE_YAML.test(text) ? 'cloudformation' : 'json' };
}

/** Worth building a template's position tree: a Resources object (isTemplate decides on the tree). */
function isTemplateValue(json: unknown): boolean {
  const resources = typeof json === 'object' && json !== null && Object.hasOwn(json, 'Resources') ? (json as Record<string, unknown>).Resources : undefined;
  return typeof resources === 'object' && resources !== null && !Array.isArray(resources);
}

/** Options of readPolicyInput. */
export interface ReadInputOptions {
  /** The format the user named (lint --input); detected when undefined. */
  readonly format?: InputFormat;
  /** The parse detectInput already made. */
  readonly source?: ReadSource;
  /** Alias limits for YAML templates. */
  readonly yaml?: Partial<YamlLimits>;
  /** Expansion limits of a template's intrinsic functions (Fn::Sub, Fn::Join...). */
  readonly intrinsics?: IntrinsicLimits;
}

/**
 * Reads every policy document of a file. Never throws for bad input. The
 * YAML reader (the `yaml` package) is loaded only for a YAML template.
 */
export async function readPolicyInput(rawText: string, opts: ReadInputOptions = {}): Promise<PolicyInput> {
  const text = withoutBom(rawText);
  const lines = new LineIndex(text);
  const detected = opts.format ? { format: opts.format, source: opts.source } : detectInput(text);
  const { format } = detected;
  if (format === 'json') return { ok: true, format, lines, policies: [wrappedPolicy(text) ?? wholeFile(text)], notes: [] };
  const fail = (offset: number, message: string): PolicyInput => ({ ok: false, format, lines, offset, message });
  const isJson = /^\s*\{/.test(text);
  if (format === 'terraform-plan') {
    const given = detected.source;
    const taken = given instanceof JsonValueSource ? given.take() : undefined;
    const parsed = taken ? { ok: true as const, json: taken.value } : given?.ok === false ? given : isJson ? parseJsonValue(text) : { ok: false as const, message: 'a Terraform plan is JSON (terraform show -json PLAN)', offset: 0 };
    if (!parsed.ok) return fail(parsed.offset, `This Terraform plan cannot be read: ${parsed.message}.`);
    const root = { value: parsed.json };
    if (!isTerraformPlan(root)) return fail(text.length - text.trimStart().length, 'This is not a Terraform plan: it has no format_version with planned_values, resource_changes or prior_state. Make one with: terraform plan -out=tfplan && terraform show -json tfplan > plan.json');
    const found = planPolicies(root, text);
    return { ok: true, format, lines, policies: found.policies, notes: found.notes, ...(found.duplicates.length ? { duplicates: found.duplicates } : {}) };
  }
  const parsed =
    detected.source && !(detected.source instanceof JsonValueSource)
      ? detected.source
      : isJson
        ? parseJsonSource(text)
        : (await import('./yaml-source.js')).parseYamlSource(text, opts.yaml);
  if (!parsed.ok) return fail(parsed.offset, `This CloudFormation template (${isJson ? 'JSON' : 'YAML'}) cannot be read: ${parsed.message}.`);
  if (!isTemplate(parsed.root)) return fail(parsed.root.offset, 'This is not a CloudFormation template: it has no Resources section with typed resources.');
  const found = readTemplate(parsed.root, isJson ? text : undefined, opts.intrinsics);
  if (found instanceof IntrinsicLimitError) return fail(found.offset, `This CloudFormation template (${isJson ? 'JSON' : 'YAML'}) cannot be read: ${found.message} (${found.raise}).`);
  return { ok: true, format, lines, policies: found.policies, notes: found.notes, ...(parsed.duplicates?.length ? { duplicates: parsed.duplicates } : {}) };
}

/** A template's policies, or the limit its intrinsic functions went past. */
function readTemplate(root: SourceNode, raw: string | undefined, limits: IntrinsicLimits | undefined): ReturnType<typeof templatePolicies> | IntrinsicLimitError {
  try {
    return templatePolicies(root, raw, limits);
  } catch (err) {
    if (err instanceof IntrinsicLimitError) return err;
    throw err;
  }
}

function wholeFile(text: string): InputPolicy {
  return { kind: undefined, text, fileOffset: (offset) => offset, opaque: [] };
}

/**
 * `aws kms get-key-policy --output json` without `--query Policy`:
 * {"Policy": "<the policy as a JSON string>", "PolicyName": "default"}
 * (GetKeyPolicy's response, AWS KMS API Reference). The policy is the string;
 * positions map into it.
 */
function wrappedPolicy(text: string): InputPolicy | undefined {
  if (!/"Policy"\s*:\s*"/.test(text) || text.length > MAX_LINT_CHARS * 2 || tooDeepAt(text, MAX_NESTING) !== undefined) return undefined;
  const parsed = parseJsonSource(text);
  if (!parsed.ok || parsed.root.type !== 'object') return undefined;
  if (!parsed.root.entries.every((e) => e.key === 'Policy' || e.key === 'PolicyName')) return undefined;
  const policy = memberOf(parsed.root, 'Policy')!;
  const inner = stringOf(policy);
  if (inner === undefined) return undefined;
  return { kind: 'key', text: inner, fileOffset: stringLiteralOffsets(text, policy.offset), opaque: [] };
}

/** How messages name a policy of a file: the file, or the file and its resource. */
export function policyName(file: string, policy: Pick<InputPolicy, 'resource'>): string {
  return policy.resource === undefined ? file : `${file} ${policy.resource}`;
}

/** Where, in the file, a line:column of the policy's own text is (`starts`: lineStarts of its text, when already known). */
export function filePosition(input: { readonly lines: LineIndex }, policy: InputPolicy, line: number, column: number, starts = lineStarts(policy.text)): { line: number; column: number } {
  return input.lines.position(policy.fileOffset((starts[line - 1] ?? 0) + column - 1));
}

/** Where each line of a policy text starts, counted as the linter counts lines (\n, \r\n or \r). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') i++;
    if (text[i] === '\n' || text[i] === '\r') starts.push(i + 1);
  }
  return starts;
}

/**
 * The policy's kind: the resource type's, else the linter's detectKind on the
 * document (a Principal anywhere makes a key policy). Undefined when the text
 * is not a JSON object.
 */
export function policyKind(policy: Pick<InputPolicy, 'kind' | 'text'>): DocumentKind | undefined {
  if (policy.kind) return policy.kind;
  if (policy.text.length > MAX_LINT_CHARS || tooDeepAt(policy.text, MAX_NESTING) !== undefined) return undefined;
  const parsed = parseJson(policy.text);
  if (!parsed.ok || parsed.root.type !== 'object') return undefined;
  return buildModel(policy.text, parsed.root, undefined).kind;
}
