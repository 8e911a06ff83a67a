// kms-wizard explain FILE...: each policy statement in plain language, what it
// does not allow, a summary, then the lint findings.
import { parseFlags } from '../cli/args.js';
import { CliError, EXIT, UsageError } from '../cli/errors.js';
import type { Command } from '../cli/io.js';
import { colorEnabled, makeStyle, type Style } from '../cli/style.js';
import { parseKeyArn } from '../core/arn.js';
import { explainPolicy, type PolicyExplanation } from '../core/explain/index.js';
import { lintFiles, type Finding, type LintedFile, type PolicyKind } from '../core/lint/index.js';
import { didYouMean } from '../core/suggest.js';
import { safeText } from '../core/terminal-safe.js';
import { readPolicyTexts, unreadableReason } from './policy-files.js';

export const help = `kms-wizard explain: describe key policies and IAM policies in plain language, offline.

Usage:
  kms-wizard explain FILE... [--key-arn ARN] [--type key|iam] [--json]

For each FILE (- for standard input), statement by statement: who may do
what, under which conditions, and what the statement does NOT allow (direct
calls, other services and Regions, other accounts). Then a summary of the
policy (restrictions that can be bypassed, lockout) and the lint findings.

Options:
  --key-arn ARN     the key the policies belong to: says "this key", spots other accounts
  --type key|iam    treat every file as a key policy or an IAM policy (default: detected)
  --json            print the explanations and findings as JSON
  -h, --help        show this help

Examples:
  kms-wizard explain key-policy.json
  kms-wizard explain key-policy.json iam-policy.json --key-arn arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab

Exit codes: 0 explained (whatever the findings; use kms-wizard lint to gate), 2 usage error, unreadable file or invalid JSON.`;

const OPTIONS = {
  'key-arn': { type: 'string' },
  type: { type: 'string' },
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

function renderFile(file: LintedFile, e: PolicyExplanation, style: Style, width: number | undefined): string {
  const lines = [style.bold(`${safeText(file.name)} (${KIND_NAME[e.kind]})`)];
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
  const files = lintFiles(texts.map((t) => ({ ...t, ...(type ? { type } : {}) })), keyArn ? { keyArn } : {});
  const bad = files.map(unreadableReason).filter((p): p is string => p !== undefined);
  if (bad.length > 0) throw new CliError(bad.join('\n'), EXIT.usage);
  const explained = files.map((f) => ({ file: f, explanation: explainPolicy(f.document, { ...(keyArn ? { keyArn } : {}), ...(f.kind ? { kind: f.kind } : {}) }) }));

  if (values.json) {
    const out = explained.map(({ file, explanation }) => ({
      file: file.name,
      ...explanation,
      findings: file.findings.map(({ code, severity, message, hint, line, column, pointer }) => ({ code, severity, message, ...(hint ? { hint } : {}), line, column, pointer })),
    }));
    io.stdout.write(`${JSON.stringify({ files: out }, null, 2)}\n`);
    return EXIT.ok;
  }
  const style = makeStyle(colorEnabled(io.env, io.stdout));
  const width = io.stdout.isTTY ? io.stdout.columns : undefined;
  io.stdout.write(`${explained.map(({ file, explanation }) => renderFile(file, explanation, style, width)).join('\n\n')}\n`);
  return EXIT.ok;
};
