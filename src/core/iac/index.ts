// Linting policies where they live: a Terraform plan or a CloudFormation
// template becomes policy documents with positions, which the linter checks
// unchanged (each on its own, then together, as lint does with several files);
// findings are moved back onto the file's own lines.
import { filePosition, lineStarts, readPolicyInput, type InputFormat, type InputPolicy, type PolicyInput, type ReadInputOptions } from './policy-input.js';
import { duplicateKey, duplicateKeyMessage, invalidTemplate, NOTE_RULES, noteMessage } from './notes.js';
import type { LineIndex } from '../lint/json-tree.js';
import { lintFiles } from '../lint/index.js';
import { CROSS_RULES, TEMPLATE_VALUE_CODES } from '../lint/rules/index.js';
import type { Finding, LintedFile, LintOptions, RuleMeta } from '../lint/types.js';
import type { ParsedSource } from './source-tree.js';

export { IAC_RULES } from './notes.js';
export { detectInput, filePosition, INPUT_FORMATS, policyKind, policyName, readPolicyInput, type InputFormat, type InputPolicy, type PolicyInput, type ReadInputOptions } from './policy-input.js';
export { policyTooLarge } from './policy-size.js';
export { inputProblem, selectIamPolicies, selectKeyPolicy, selectPolicies, sizeProblem, type SelectedPolicy } from './select-policy.js';
export { DEFAULT_YAML_LIMITS, type YamlLimits } from './yaml-limits.js';

/** The result for one policy of an infrastructure file; `name` is the file. */
export interface IacLintedFile extends LintedFile {
  /** The Terraform address or CloudFormation logical id; undefined when the file itself is the problem. */
  readonly resource?: string;
}

/**
 * Lints the policies of one Terraform plan or CloudFormation template. Never
 * throws for bad input: an unreadable file gives one KW903 finding.
 */
export async function lintInfrastructure(name: string, rawText: string, format: Exclude<InputFormat, 'json'>, opts: LintOptions = {}, source?: ParsedSource, read: Omit<ReadInputOptions, 'format' | 'source'> = {}): Promise<IacLintedFile[]> {
  const input = await readPolicyInput(rawText, { ...read, format, ...(source ? { source } : {}) });
  const { lines } = input;
  if (!input.ok) return [unreadableInput(name, input)];
  const notes = input.notes.map((n) => {
    const { message, hint } = noteMessage(n.note);
    const entry: IacLintedFile = { name, resource: n.resource, kind: n.kind, findings: [{ ...at(NOTE_RULES[n.note], lines, n.offset, message, hint), file: name }] };
    return { entry, offset: n.offset };
  });
  for (const d of input.duplicates ?? []) {
    const { message, hint } = duplicateKeyMessage(safeKey(d.key), lines.position(d.lastOffset).line);
    notes.push({ entry: { name, kind: undefined, findings: [{ ...at(duplicateKey, lines, d.offset, message, hint), file: name }] }, offset: d.offset });
  }
  if (input.policies.length === 0 && notes.length === 0) return [{ name, kind: undefined, findings: [] }];
  // In the order the resources appear in the file.
  return [...lintExtracted(name, input, opts), ...notes].sort((a, b) => a.offset - b.offset).map((e) => e.entry);
}

/** Why a file cannot be read, as one KW903 finding on its own line:column (for lint and explain). */
export function unreadableInput(name: string, input: Extract<PolicyInput, { ok: false }>): IacLintedFile {
  return { name, kind: undefined, findings: [{ ...at(invalidTemplate, input.lines, input.offset, input.message), file: name }] };
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
function lintPolicySet(policies: readonly InputPolicy[], opts: LintOptions): LintedFile[] {
  const input = (p: InputPolicy, i: number) => ({ name: String(i), text: p.text, ...(p.kind ? { type: p.kind } : {}), ...(p.key ? { key: p.key } : {}), templateValues: p.opaque });
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
function lintExtracted(name: string, input: Extract<PolicyInput, { ok: true }>, opts: LintOptions): { entry: IacLintedFile; offset: number }[] {
  const results = lintPolicySet(input.policies, opts);
  return results.map((r, i) => {
    const p = input.policies[i]!;
    const starts = lineStarts(p.text);
    const findings = r.findings
      .filter((f) => TEMPLATE_VALUE_CODES.has(f.code) || !p.opaque.some((o) => f.pointer === o || f.pointer.startsWith(`${o}/`)))
      .map((f) => ({ ...f, ...filePosition(input, p, f.line, f.column, starts), file: name }))
      .sort((a, b) => a.line - b.line || a.column - b.column);
    const entry: IacLintedFile = { name, ...(p.resource !== undefined ? { resource: p.resource } : {}), kind: r.kind, findings, ...(r.document !== undefined ? { document: r.document } : {}) };
    return { entry, offset: p.fileOffset(0) };
  });
}
