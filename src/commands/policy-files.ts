// Reading policy files for lint, simulate, explain, diff and --from: unreadable files and invalid
// JSON become one clear error naming the file (and line:column), exit 2.
import { CliError, EXIT, UsageError } from '../cli/errors.js';
import type { CommandIo } from '../cli/io.js';
import type { LintedFile, PolicyKind } from '../core/lint/index.js';
import { safeText } from '../core/terminal-safe.js';
import { POLICY_READ_LIMITS, readTextFile, type ReadLimits } from '../output/read-text-file.js';

/** A policy file's name (as given) and text. */
export interface PolicyText {
  readonly name: string;
  readonly text: string;
}

const STDIN_NAME = '<stdin>';

async function readStdin(io: CommandIo, maxBytes: number): Promise<string> {
  if (io.stdin.isTTY) throw new UsageError('"-" reads a policy from standard input, but standard input is a terminal: pipe the policy in (cat policy.json | kms-wizard ...), or give its file name instead of "-"');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of io.stdin) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > maxBytes) throw new CliError(`standard input is over ${maxBytes.toLocaleString('en-US')} bytes, far too large to be a policy`, EXIT.usage);
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads every file (`-` = standard input); reports all unreadable ones at once, exit 2. */
export async function readPolicyTexts(paths: readonly string[], io: CommandIo, limits: ReadLimits = POLICY_READ_LIMITS): Promise<PolicyText[]> {
  const problems: string[] = [];
  const out: PolicyText[] = [];
  for (const path of paths) {
    try {
      out.push({ name: path === '-' ? STDIN_NAME : path, text: path === '-' ? await readStdin(io, limits.maxBytes) : await readTextFile(path, io.cwd, limits) });
    } catch (err) {
      if (err instanceof UsageError || err instanceof CliError) throw err;
      problems.push((err as Error).message);
    }
  }
  if (problems.length > 0) throw new CliError(problems.join('\n'), EXIT.usage);
  return out;
}

/** The first error that keeps a file from being read as a policy: "file:line:column: message". */
export function unreadableReason(file: LintedFile): string | undefined {
  if (file.document !== undefined && typeof file.document === 'object' && file.document !== null && !Array.isArray(file.document)) return undefined;
  const f = file.findings.find((x) => x.severity === 'error') ?? file.findings[0];
  return f ? `${safeText(file.name)}:${f.line}:${f.column}: ${safeText(f.message)}` : `${safeText(file.name)}: not a JSON policy document`;
}

/** A policy file read as a JSON object. */
export interface ParsedPolicy {
  readonly name: string;
  readonly document: Record<string, unknown>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Parses policy texts as strict JSON objects. The linter, which knows where
 * a syntax error is (line:column), is loaded only when a file is bad, so a
 * good run starts fast. Throws one error listing every bad file, exit 2.
 */
export async function parsePolicyDocuments(texts: readonly (PolicyText & { type?: PolicyKind })[]): Promise<ParsedPolicy[]> {
  const parsed = texts.map((t) => {
    try {
      const value: unknown = JSON.parse(t.text.charCodeAt(0) === 0xfeff ? t.text.slice(1) : t.text);
      return isObject(value) ? { name: t.name, document: value } : undefined;
    } catch {
      return undefined;
    }
  });
  if (parsed.every((p) => p !== undefined)) return parsed as ParsedPolicy[];
  const { lintFiles } = await import('../core/lint/index.js');
  const bad = texts.filter((_, i) => parsed[i] === undefined);
  const problems = lintFiles(bad.map((t) => ({ name: t.name, text: t.text, ...(t.type ? { type: t.type } : {}) }))).map((f) => unreadableReason(f) ?? `${safeText(f.name)}: not a JSON policy document`);
  throw new CliError(problems.join('\n'), EXIT.usage);
}
