// kms-wizard explain FILE...: each policy statement in plain language, what it
// does not allow, a summary, then the lint findings.
import { parseFlags } from '../cli/args.js';
import { CliError, EXIT, UsageError } from '../cli/errors.js';
import type { Command } from '../cli/io.js';
import { colorEnabled, makeStyle, type Style } from '../cli/style.js';
import { parseKeyArn } from '../core/arn.js';
import { explainPolicy, type PolicyExplanation } from '../core/explain/index.js';
import type { IacLintedFile } from '../core/iac/index.js';
import type { Finding, PolicyKind } from '../core/lint/index.js';
import { didYouMean } from '../core/suggest.js';
import { jsonText, safeText } from '../core/terminal-safe.js';
import { INPUT_LIMITS_HELP, inputLimits } from './input-limits.js';
import { lintInputs } from './lint-dispatch.js';
import { readPolicyTexts, unreadableReason } from './policy-files.js';

export const help = `kms-wizard explain: describe key policies and IAM policies in plain language, offline.

Usage:
  kms-wizard explain FILE... [--key-arn ARN] [--type key|iam] [--policy NAME] [--json]

FILE is what lint reads (- for standard input): a policy, aws kms
get-key-policy's output, a Terraform plan (terraform show -json), or a
CloudFormation template in JSON or YAML (SAM, CDK synth); a plan or template
is explained policy by policy. For each policy, statement by statement: who may do
what, under which conditions, and what the statement does NOT allow (direct
calls, other services and Regions, other accounts). Then a summary of the
policy (restrictions that can be bypassed, lockout) and the lint findings.

Options:
  --key-arn ARN     the key the policies belong to: says "this key", spots other accounts
  --type key|iam    treat every policy file as a key policy or an IAM policy (default: detected)
  --policy NAME     only this policy of a plan or template (its Terraform address or
                    logical id, e.g. aws_kms_key.main, DataKey)
  --json            print the explanations and findings as JSON
  -h, --help        show this help

Examples:
  kms-wizard explain key-policy.json
  kms-wizard explain key-policy.json iam-policy.json --key-arn arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab

${INPUT_LIMITS_HELP}

Exit codes: 0 explained (whatever the findings; use kms-wizard lint to gate), 2 usage error, unreadable file or invalid JSON.`;

const OPTIONS = {
  'key-arn': { type: 'string' },
  type: { type: 'string' },
  policy: { type: 'string' },
  json: { type: 'boolean' },
} as const;

const KIND_NAME: Record<PolicyKind, string> = { key: 'key policy', iam: 'IAM policy' };

/** Wraps text to the terminal width with a hanging indent; no wrapping when not on a terminal. */
function wrap(text: string, indent: string, width: number | undefined): string {
  if (!width || width < 40) return `${indent}${text}`;
  const lines: string[] = [];
  let line = indent;
  for (const word of text.split(' ')) {
    if (line.trim() !== '' && line.length + word.length + 1 > width) {
      lines.push(line.trimEnd());
      line = `${' '.repeat(indent.length)}${word} `;
    } else {
      line += `${word} `;
    }
  }
  lines.push(line.trimEnd());
  return lines.join('\n');
}

function findingLine(name: string, f: Finding, style: Style): string {
  const paint = f.severity === 'error' ? style.red : f.severity === 'warning' ? style.yellow : style.cyan;
  return `    ${safeText(name)}:${f.line}:${f.column}  ${paint(f.severity)}  ${style.dim(f.code)}  ${safeText(f.message)}`;
}

/** How a policy is named: the file, and the resource for a policy of a plan or template. */
const policyTitle = (file: IacLintedFile) => safeText(file.resource !== undefined ? `${file.name} ${file.resource}` : file.name);

function renderFile(file: IacLintedFile, e: PolicyExplanation, style: Style, width: number | undefined): string {
  const lines = [style.bold(`${policyTitle(file)} (${KIND_NAME[e.kind]})`)];
  for (const s of e.statements) {
    lines.push(wrap(`${s.index + 1}.${s.sid ? ` "${safeText(s.sid)}":` : ''} ${safeText(s.text)}`, '  ', width));
    if (s.notAllowed.length > 0) lines.push(wrap(`${style.dim('Does not allow:')} ${safeText(s.notAllowed.join('; '))}.`, '     ', width));
  }
  lines.push(wrap(`${style.bold('In short:')} ${safeText(e.summary)}`, '  ', width));
  if (file.findings.length === 0) lines.push(`  ${style.bold('Lint:')} ${style.green('no problems')}`);
  else {
    lines.push(`  ${style.bold('Lint:')} ${file.findings.length} finding${file.findings.length === 1 ? '' : 's'}`);
    for (const f of file.findings) lines.push(findingLine(file.name, f, style));
  }
  return lines.join('\n');
}

export const run: Command = async (argv, io) => {
  const { values, positionals } = parseFlags(argv, OPTIONS, true);
  if (positionals.length === 0) throw new UsageError('give at least one policy FILE to explain (or - to read standard input)');
  if (positionals.filter((p) => p === '-').length > 1) throw new UsageError('"-" (standard input) can be given only once');
  let type: PolicyKind | undefined;
  if (values.type !== undefined) {
    if (values.type !== 'key' && values.type !== 'iam') {
      const guess = didYouMean(values.type, ['key', 'iam']);
      throw new UsageError(`--type must be "key" or "iam", not "${values.type}"${guess ? ` (did you mean ${guess}?)` : ''}`);
    }
    type = values.type;
  }
  let keyArn: string | undefined;
  if (values['key-arn'] !== undefined) {
    const parsed = parseKeyArn(values['key-arn']);
    if (!parsed.ok) throw new UsageError(`--key-arn: ${parsed.error.message}. ${parsed.error.hint}`);
    keyArn = parsed.value.arn;
  }

  const texts = await readPolicyTexts(positionals, io);
  const { yaml, intrinsics } = inputLimits(io.env);
  const linted = await lintInputs(texts.map((t) => ({ ...t, ...(type ? { type } : {}) })), undefined, keyArn ? { keyArn } : {}, { yaml, intrinsics });
  const bad = linted.map(unreadableReason).filter((p, i): p is string => p !== undefined && isUnreadable(linted[i]!));
  if (bad.length > 0) throw new CliError(bad.join('\n'), EXIT.usage);
  const files = selectExplained(linted, values.policy);
  const explained = files.flatMap((f) => (f.document !== undefined ? [{ file: f, explanation: explainPolicy(f.document, { ...(keyArn ? { keyArn } : {}), ...(f.kind ? { kind: f.kind } : {}) }) }] : []));
  // What a plan or template says about a resource with no policy to explain (a default key policy, a policy known after apply).
  const notes = files.filter((f) => f.document === undefined);

  if (values.json) {
    const out = explained.map(({ file, explanation }) => ({
      file: file.name,
      ...(file.resource !== undefined ? { resource: file.resource } : {}),
      ...explanation,
      findings: file.findings.map(({ code, severity, message, hint, line, column, pointer }) => ({ code, severity, message, ...(hint ? { hint } : {}), line, column, pointer })),
    }));
    const unexplained = notes.map((n) => ({ file: n.name, ...(n.resource !== undefined ? { resource: n.resource } : {}), findings: n.findings.map(({ code, severity, message, line, column }) => ({ code, severity, message, line, column })) }));
    io.stdout.write(`${jsonText({ files: out, ...(unexplained.length > 0 ? { notExplained: unexplained } : {}) })}\n`);
    return EXIT.ok;
  }
  const style = makeStyle(colorEnabled(io.env, io.stdout));
  const width = io.stdout.isTTY ? io.stdout.columns : undefined;
  const blocks = [...explained.map(({ file, explanation }) => renderFile(file, explanation, style, width)), ...notes.map((n) => renderNote(n, style))];
  io.stdout.write(`${blocks.join('\n\n')}\n`);
  return EXIT.ok;
};

/**
 * Whether a result with an unreadableReason stops explain: a file that is not
 * a JSON policy, a plan or template that cannot be read (KW903), a policy of
 * one that is not JSON. A resource's note (no policy to read) and a plan or
 * template without policies are shown instead.
 */
function isUnreadable(file: IacLintedFile): boolean {
  if (file.resource !== undefined) return file.findings.some((f) => f.severity !== 'info');
  return !(file.findings.length === 0 && file.kind === undefined);
}

/** Every policy, or the one --policy names (in the plans and templates given). */
function selectExplained(files: IacLintedFile[], selector: string | undefined): IacLintedFile[] {
  if (selector === undefined) return files;
  const named = files.filter((f) => f.resource === selector);
  if (named.length > 0) return named;
  const resources = [...new Set(files.flatMap((f) => (f.resource !== undefined ? [f.resource] : [])))];
  if (resources.length === 0) throw new UsageError('--policy picks a policy of a Terraform plan or CloudFormation template, but no FILE is one: drop --policy');
  const shown = resources.slice(0, 10).map(safeText).join(', ');
  throw new UsageError(`no policy is named "${safeText(selector)}"; the policies are: ${shown}${resources.length > 10 ? ` and ${resources.length - 10} more` : ''}`);
}

/** A resource without a policy text: what the plan or template says instead. */
function renderNote(file: IacLintedFile, style: Style): string {
  const title = file.findings.length === 0 ? `${safeText(file.name)}: no key or IAM policies found` : `${policyTitle(file)}: not explained`;
  return [style.bold(title), ...file.findings.map((f) => `  ${safeText(f.message)}`)].join('\n');
}
