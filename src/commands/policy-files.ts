// Reading policy files for lint, simulate, explain, diff and --from: unreadable files and invalid
// JSON become one clear error naming the file (and line:column), exit 2.
import { CliError, EXIT, UsageError } from '../cli/errors.js';
import type { CommandIo } from '../cli/io.js';
import { readPolicyInput, selectIamPolicies, selectKeyPolicy, type InputFormat, type SelectedPolicy } from '../core/iac/index.js';
import type { LintedFile, PolicyKind } from '../core/lint/index.js';
import type { Result } from '../core/result.js';
import { safeText } from '../core/terminal-safe.js';
import { readTextFile, textOf, type ReadLimits } from '../output/read-text-file.js';
import { inputLimits } from './input-limits.js';

/** A policy file's name (as given) and text. */
export interface PolicyText {
  readonly name: string;
  readonly text: string;
}

const STDIN_NAME = '<stdin>';

async function readStdin(io: CommandIo, limits: ReadLimits): Promise<string> {
  const { maxBytes } = limits;
  if (io.stdin.isTTY) throw new UsageError('"-" reads a policy from standard input, but standard input is a terminal: pipe the policy in (cat policy.json | kms-wizard ...), or give its file name instead of "-"');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of io.stdin) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > maxBytes) {
      throw new CliError(`standard input is over the ${maxBytes.toLocaleString('en-US')}-byte input limit${limits.raise ? ` (raise it with ${limits.raise})` : ''}`, EXIT.usage);
    }
    chunks.push(buf);
  }
  return textOf(Buffer.concat(chunks));
}

/** Reads every file (`-` = standard input) within the input limit; reports all unreadable ones at once, exit 2. */
export async function readPolicyTexts(paths: readonly string[], io: CommandIo, limits: ReadLimits = inputLimits(io.env).read): Promise<PolicyText[]> {
  const problems: string[] = [];
  const out: PolicyText[] = [];
  for (const path of paths) {
    try {
      out.push({ name: path === '-' ? STDIN_NAME : path, text: path === '-' ? await readStdin(io, limits) : await readTextFile(path, io.cwd, limits) });
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

/** A policy chosen from a file read by the one reader: how to name it, its text, and its kind. */
export interface ChosenPolicy extends PolicyText {
  /** The file is the policy (or `get-key-policy`'s output around it), not a template or plan. */
  readonly whole: boolean;
  readonly kind: PolicyKind | undefined;
}

/** What `choose` picks from each file: the one key policy, or every IAM policy. */
type Choice = (name: string, input: Awaited<ReturnType<typeof readPolicyInput>>) => Result<SelectedPolicy | SelectedPolicy[], string>;

async function choosePolicies(texts: readonly PolicyText[], io: CommandIo, choose: Choice): Promise<{ chosen: ChosenPolicy[][]; formats: InputFormat[] }> {
  const { yaml, intrinsics } = inputLimits(io.env);
  const problems: string[] = [];
  const chosen: ChosenPolicy[][] = [];
  const formats: InputFormat[] = [];
  for (const t of texts) {
    const input = await readPolicyInput(t.text, { yaml, intrinsics });
    formats.push(input.format);
    const picked = choose(t.name, input);
    if (!picked.ok) {
      problems.push(picked.error);
      continue;
    }
    const whole = input.format === 'json';
    // A file that is a policy keeps its own text (the policy readers report line:column in it);
    // get-key-policy's output gives the policy inside it (its kind says so).
    // A trust policy or another service's resource policy is no kind a KMS command checks: its own checks say what it is.
    chosen.push([picked.value].flat().map((s) => ({ name: s.name, text: whole && s.policy.kind === undefined ? t.text : s.policy.text, whole, kind: s.kind === 'key' || s.kind === 'iam' ? s.kind : undefined })));
  }
  // One line per message line: a file's own text (names, resources) shows escaped.
  if (problems.length > 0) throw new CliError(problems.flatMap((p) => p.split('\n')).map(safeText).join('\n'), EXIT.usage);
  return { chosen, formats };
}

/** `--policy NAME` picks a policy of a template or plan: given with none, it is a mistake worth saying. */
function checkSelector(selector: string | undefined, formats: readonly InputFormat[], names: readonly string[]): void {
  if (selector !== undefined && formats.every((f) => f === 'json')) {
    throw new UsageError(`--policy picks a policy of a Terraform plan or CloudFormation template, but ${names.map(safeText).join(' and ')} ${names.length === 1 ? 'is a policy' : 'are policies'} itself: drop --policy`);
  }
}

/**
 * The key policy of each file (simulate --key-policy, diff, --from): a policy
 * file, `get-key-policy` output, or the one key policy of a template or plan
 * (`selector` = --policy NAME when it has several). Exit 2 naming every file
 * that has none, or several.
 */
export async function readKeyPolicies(paths: readonly string[], io: CommandIo, selector: string | undefined): Promise<ChosenPolicy[]> {
  return chooseKeyPolicies(await readPolicyTexts(paths, io), io, selector);
}

/** readKeyPolicies, for texts already read. */
export async function chooseKeyPolicies(texts: readonly PolicyText[], io: CommandIo, selector: string | undefined): Promise<ChosenPolicy[]> {
  const { chosen, formats } = await choosePolicies(texts, io, (name, input) => selectKeyPolicy(name, input, selector));
  checkSelector(selector, formats, texts.map((t) => t.name));
  return chosen.map((c) => c[0]!);
}

/** The IAM policies of each file (--iam-policy): a policy file, or every IAM policy of a template or plan. */
export async function readIamPolicies(paths: readonly string[], io: CommandIo): Promise<ChosenPolicy[]> {
  return paths.length === 0 ? [] : chooseIamPolicies(await readPolicyTexts(paths, io), io);
}

/** readIamPolicies, for texts already read. */
export async function chooseIamPolicies(texts: readonly PolicyText[], io: CommandIo): Promise<ChosenPolicy[]> {
  return (await choosePolicies(texts, io, selectIamPolicies)).chosen.flat();
}
