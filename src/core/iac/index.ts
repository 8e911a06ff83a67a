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
import type { ReadSource } from './json-source.js';
import { textsContaining } from './texts-containing.js';

export { IAC_RULES } from './notes.js';
export { detectInput, filePosition, INPUT_FORMATS, policyKind, policyName, readPolicyInput, type InputFormat, type InputPolicy, type PolicyInput, type ReadInputOptions } from './policy-input.js';
export { policyTooLarge } from './policy-size.js';
export { inputProblem, selectIamPolicies, selectKeyPolicy, selectPolicies, sizeProblem, type SelectedPolicy } from './select-policy.js';
export { DEFAULT_YAML_LIMITS, type YamlLimits } from './yaml-limits.js';

/** The result for one policy of an infrastructure file; `name` is the file. Its `document` is parsed anew each time it is read. */
export interface IacLintedFile extends LintedFile {
  /** The Terraform address or CloudFormation logical id; undefined when the file itself is the problem. */
  readonly resource?: string;
}

/**
 * Lints the policies of one Terraform plan or CloudFormation template. Never
 * throws for bad input: an unreadable file gives one KW903 finding.
 */
export async function lintInfrastructure(name: string, rawText: string, format: Exclude<InputFormat, 'json'>, opts: LintOptions = {}, source?: ReadSource, read: Omit<ReadInputOptions, 'format' | 'source'> = {}): Promise<IacLintedFile[]> {
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

function parsedOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const CROSS_CODES = new Set(CROSS_RULES.map((r) => r.code));

/** Policies linted in one lintFiles call: enough to share the call, few enough that their parse trees stay small. */
const BATCH = 64;

function batches<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH) out.push(items.slice(i, i + BATCH));
  return out;
}

/**
 * Lints the policies together, as lintFiles does with all of them at once,
 * holding the parse of only a few at a time (a plan may have 10,000). A
 * policy's own findings do not depend on the others, and each cross-policy
 * rule checks each IAM policy against the key policy on its own; so each
 * policy is linted alone, then each IAM policy again beside the key policy:
 * the file's one key policy when there is exactly one (as lintFiles compares
 * them); with several keys, each key policy beside the IAM policies that name
 * that key (found through an index of the key references, not a search of
 * every policy for every key), adding the cross-policy findings of those runs.
 */
function lintPolicySet(policies: readonly InputPolicy[], opts: LintOptions): LintedFile[] {
  const input = (i: number) => {
    const p = policies[i]!;
    return { name: String(i), text: p.text, ...(p.kind ? { type: p.kind } : {}), ...(p.key ? { key: p.key } : {}), templateValues: p.opaque };
  };
  // Without the parsed document: nothing reads it here, and for 10,000 policies it is more than the file.
  const lint = (indices: readonly number[]) => lintFiles(indices.map(input), opts).map(({ name, kind, findings }) => ({ name, kind, findings }));
  const results: LintedFile[] = policies.map((_, i) => lint([i])[0]!);
  const keys = results.flatMap((r, i) => (r.kind === 'key' ? [i] : []));
  const iam = results.flatMap((r, i) => (r.kind === 'iam' ? [i] : []));
  if (keys.length === 1) {
    for (const batch of batches(iam)) for (const r of lint([keys[0]!, ...batch]).slice(1)) results[Number(r.name)] = r;
    return results;
  }
  if (keys.length < 2) return results;
  const refs = keys.flatMap((k) => (policies[k]!.keyRefs ?? []).map((ref) => ({ key: k, ref })));
  const containing = textsContaining(refs.map((r) => r.ref), iam.map((i) => policies[i]!.text));
  const related = new Map<number, Set<number>>();
  refs.forEach((r, n) => {
    if (!related.has(r.key)) related.set(r.key, new Set());
    for (const t of containing[n]!) related.get(r.key)!.add(t);
  });
  for (const [key, named] of related) {
    for (const batch of batches([...named].sort((a, b) => a - b).map((t) => iam[t]!))) {
      for (const r of lint([key, ...batch])) {
        const target = results[Number(r.name)]!;
        for (const f of r.findings) {
          const same = (g: typeof f) => g.code === f.code && g.pointer === f.pointer && g.message === f.message;
          if (CROSS_CODES.has(f.code) && !target.findings.some(same)) target.findings.push({ ...f, file: target.name });
        }
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
    const entry: IacLintedFile = {
      name,
      ...(p.resource !== undefined ? { resource: p.resource } : {}),
      kind: r.kind,
      findings,
      // Parsed when asked for (explain asks whether a policy is an object), not kept for every policy.
      get document() {
        return parsedOrUndefined(p.text);
      },
    };
    return { entry, offset: p.fileOffset(0) };
  });
}
