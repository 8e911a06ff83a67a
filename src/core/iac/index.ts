// Linting policies where they live: a Terraform plan or a CloudFormation
// template becomes policy documents with positions, which the linter checks
// unchanged (each on its own, then together, as lint does with several files);
// findings are moved back onto the file's own lines.
import { parseJsonSource } from './json-source.js';
import { isTemplate, templatePolicies } from './cloudformation.js';
import { isTerraformPlan, planPolicies } from './terraform-plan.js';
import { duplicateKey, duplicateKeyMessage, invalidTemplate, NOTE_RULES, noteMessage } from './notes.js';
import { LineIndex } from '../lint/json-tree.js';
import { lintFiles } from '../lint/index.js';
import { CROSS_RULES } from '../lint/rules/index.js';
import type { Finding, LintedFile, LintOptions, RuleMeta } from '../lint/types.js';
import type { ExtractedPolicy, FoundPolicies } from './policy-text.js';
import type { ParsedSource } from './source-tree.js';

export { IAC_RULES } from './notes.js';

/** What a lint input is: a policy document, a Terraform plan, or a CloudFormation template. */
export type InputFormat = 'json' | 'terraform-plan' | 'cloudformation';
export const INPUT_FORMATS: readonly InputFormat[] = ['json', 'terraform-plan', 'cloudformation'];

/** The result for one policy of an infrastructure file; `name` is the file. */
export interface IacLintedFile extends LintedFile {
  /** The Terraform address or CloudFormation logical id; undefined when the file itself is the problem. */
  readonly resource?: string;
}

const TEMPLATE_YAML = /^(AWSTemplateFormatVersion|Resources|Transform)[ \t]*:/m;

function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Detects the format from the content: JSON with format_version and a plan
 * section is a Terraform plan; JSON or YAML with a Resources map of typed
 * resources is a CloudFormation template; anything else is a policy. With
 * the format comes the parsed JSON when finding it took a parse, for
 * lintInfrastructure: a plan of many megabytes is parsed once, not twice.
 */
export function detectInput(rawText: string): { readonly format: InputFormat; readonly source?: ParsedSource } {
  const text = withoutBom(rawText);
  if (/^\s*\{/.test(text)) {
    // A template needs a Resources key and a plan a format_version key, spelled
    // out or with \u escapes: a text with neither is a policy, with no parse
    // (lint parses it next; parsing twice was most of a small file's cost).
    if (!/Resources|format_version|\\u/.test(text)) return { format: 'json' };
    const source = parseJsonSource(text);
    if (!source.ok) return { format: 'json' };
    if (isTerraformPlan(source.root)) return { format: 'terraform-plan', source };
    return isTemplate(source.root) ? { format: 'cloudformation', source } : { format: 'json' };
  }
  return { format: TEMPLATE_YAML.test(text) ? 'cloudformation' : 'json' };
}

/**
 * Lints the policies of one Terraform plan or CloudFormation template. Never
 * throws for bad input: an unreadable file gives one KW903 finding.
 */
export async function lintInfrastructure(name: string, rawText: string, format: Exclude<InputFormat, 'json'>, opts: LintOptions = {}, source?: ParsedSource): Promise<IacLintedFile[]> {
  const text = withoutBom(rawText);
  const lines = new LineIndex(text);
  const fail = (offset: number, message: string): IacLintedFile[] => [
    { name, kind: undefined, findings: [{ ...at(invalidTemplate, lines, offset, message), file: name }] },
  ];
  const isJson = /^\s*\{/.test(text);
  // `source`: the JSON detectInput already parsed.
  const parsed: ParsedSource =
    source ?? (isJson ? parseJsonSource(text) : format === 'cloudformation' ? (await import('./yaml-source.js')).parseYamlSource(text) : { ok: false, message: 'a Terraform plan is JSON (terraform show -json PLAN)', offset: 0 });
  const what = format === 'terraform-plan' ? 'Terraform plan' : `CloudFormation template (${isJson ? 'JSON' : 'YAML'})`;
  if (!parsed.ok) return fail(parsed.offset, `This ${what} cannot be read: ${parsed.message}.`);
  let found: FoundPolicies;
  if (format === 'terraform-plan') {
    if (!isTerraformPlan(parsed.root)) return fail(parsed.root.offset, 'This is not a Terraform plan: it has no format_version with planned_values, resource_changes or prior_state. Make one with: terraform plan -out=tfplan && terraform show -json tfplan > plan.json');
    found = planPolicies(parsed.root, text);
  } else {
    if (!isTemplate(parsed.root)) return fail(parsed.root.offset, 'This is not a CloudFormation template: it has no Resources section with typed resources.');
    found = templatePolicies(parsed.root, isJson ? text : undefined);
  }
  const notes = found.notes.map((n) => {
    const { message, hint } = noteMessage(n.note);
    const entry: IacLintedFile = { name, resource: n.resource, kind: n.kind, findings: [{ ...at(NOTE_RULES[n.note], lines, n.offset, message, hint), file: name }] };
    return { entry, offset: n.offset };
  });
  for (const d of parsed.duplicates ?? []) {
    const { message, hint } = duplicateKeyMessage(safeKey(d.key), lines.position(d.lastOffset).line);
    notes.push({ entry: { name, kind: undefined, findings: [{ ...at(duplicateKey, lines, d.offset, message, hint), file: name }] }, offset: d.offset });
  }
  if (found.policies.length === 0 && notes.length === 0) return [{ name, kind: undefined, findings: [] }];
  // In the order the resources appear in the file.
  return [...lintExtracted(name, lines, found.policies, opts), ...notes].sort((a, b) => a.offset - b.offset).map((e) => e.entry);
}

/** A member name for a message: short, and printable (the output escapes control characters too). */
const safeKey = (key: string) => (key.length > 60 ? `${key.slice(0, 57)}...` : key);

function at(rule: RuleMeta, lines: LineIndex, offset: number, message: string, hint?: string): Finding {
  return { code: rule.code, severity: rule.severity, message, ...(hint ? { hint } : {}), pointer: '', ...lines.position(offset) };
}

const CROSS_CODES = new Set(CROSS_RULES.map((r) => r.code));

/**
 * Lints the policies together. The linter compares IAM policies with a key
 * policy only when there is exactly one; with several keys, each key policy
 * is also linted with the IAM policies that name that key, and the
 * cross-policy findings of those runs are added.
 */
function lintPolicySet(policies: ExtractedPolicy[], opts: LintOptions): LintedFile[] {
  const input = (p: ExtractedPolicy, i: number) => ({ name: String(i), text: p.text, ...(p.kind ? { type: p.kind } : {}) });
  const results = lintFiles(policies.map(input), opts);
  const keys = policies.filter((p, i) => results[i]!.kind === 'key');
  if (keys.length < 2) return results;
  // The IAM policies and each policy's position, found once rather than once per key.
  const iam = policies.filter((_, i) => results[i]!.kind === 'iam');
  const position = new Map(policies.map((p, i) => [p, i]));
  for (const key of keys) {
    const refs = key.keyRefs ?? [];
    if (refs.length === 0) continue;
    const related = iam.filter((p) => refs.some((r) => p.text.includes(r)));
    if (related.length === 0) continue;
    const pair = lintFiles([key, ...related].map((p) => input(p, position.get(p)!)), opts);
    for (const r of pair) {
      const target = results[Number(r.name)]!;
      for (const f of r.findings) {
        const same = (g: typeof f) => g.code === f.code && g.pointer === f.pointer && g.message === f.message;
        if (CROSS_CODES.has(f.code) && !target.findings.some(same)) target.findings.push({ ...f, file: target.name });
      }
    }
  }
  return results;
}

/** Lints the policies together (cross-policy checks included) and maps findings onto the file. */
function lintExtracted(name: string, lines: LineIndex, policies: ExtractedPolicy[], opts: LintOptions): { entry: IacLintedFile; offset: number }[] {
  const results = lintPolicySet(policies, opts);
  return results.map((r, i) => {
    const p = policies[i]!;
    const offsets = lineStarts(p.text);
    const findings = r.findings
      .filter((f) => !p.opaque.some((o) => f.pointer === o || f.pointer.startsWith(`${o}/`)))
      .map((f) => ({ ...f, ...lines.position(p.fileOffset((offsets[f.line - 1] ?? 0) + f.column - 1)), file: name }))
      .sort((a, b) => a.line - b.line || a.column - b.column);
    const entry: IacLintedFile = { name, resource: p.resource, kind: r.kind, findings, ...(r.document !== undefined ? { document: r.document } : {}) };
    return { entry, offset: p.fileOffset(0) };
  });
}

/** Where each line of a policy text starts, counted as the linter counts lines (\n, \r\n or \r). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') i++;
    if (text[i] === '\n' || text[i] === '\r') starts.push(i + 1);
  }
  return starts;
}
