// kms-wizard lint FILE...: reads the files, runs the core linter, prints text,
// JSON or SARIF, and sets the exit code.
import { parseFlags } from '../cli/args.js';
import { EXIT, UsageError } from '../cli/errors.js';
import type { Command, CommandIo } from '../cli/io.js';
import { colorEnabled, makeStyle, type Style } from '../cli/style.js';
import { parseKeyArn } from '../core/arn.js';
import { IAC_RULES, INPUT_FORMATS, type IacLintedFile, type InputFormat } from '../core/iac/index.js';
import { commandsAsInvoked, programName } from '../core/invoked-as.js';
import { RULES, type LintInput, type PolicyKind, type Severity } from '../core/lint/index.js';
import { didYouMean } from '../core/suggest.js';
import { jsonText, safeText } from '../core/terminal-safe.js';
import { renderSarif } from '../output/sarif.js';
import { VERSION } from '../version.js';
import { lintInputs } from './lint-dispatch.js';
import { INPUT_LIMITS_HELP, inputLimits, type InputLimits } from './input-limits.js';
import { readPolicyTexts } from './policy-files.js';
import { counted } from '../core/counted.js';

// One result shape for policy files and for the policies of a template or
// plan (those also name their resource).
type LintedFile = IacLintedFile;

export const help = `kms-wizard lint: check key policies and IAM policies, offline.

Usage:
  kms-wizard lint FILE... [--type key|iam] [--input FORMAT] [--key-arn ARN] [--format text|json|sarif] [--strict]

Reads each FILE (- for standard input). A document with a Principal element
(or a misspelling of it) is a key policy, otherwise an IAM policy; --type
forces one kind for all policy files. Given a key policy and IAM policies
together, lint also checks them against each other.

A FILE may also be aws kms get-key-policy's JSON output, a Terraform plan (terraform show -json PLAN) or a
CloudFormation template in JSON or YAML (SAM templates and CDK's
cdk.out/*.template.json too): lint checks every key and IAM policy in it,
each on its own and against each other, and reports findings on the file's
own lines with the resource they belong to.

Options:
  --type key|iam       treat every policy file as a key policy or an IAM policy
  --input FORMAT       json (a policy), terraform-plan or cloudformation;
                       detected from the content when not given
  --key-arn ARN        the key's ARN: IAM Resource elements must name it
  --format FORMAT      text (default), json, or sarif (SARIF 2.1.0 for code scanning)
  --json               same as --format json
  --strict             exit 1 on warnings too
  -h, --help           show this help

${INPUT_LIMITS_HELP}

Each finding has a code (KW001...), a severity (error, warning, info),
file:line:column and a JSON pointer. Rule list: README, "Lint rules".

Examples:
  kms-wizard lint key-policy.json iam-policy.json
  kms-wizard lint --key-arn arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab iam.json
  cat policy.json | kms-wizard lint -
  kms-wizard lint --format sarif policies/*.json > kms-lint.sarif
  terraform show -json tfplan > plan.json && kms-wizard lint plan.json
  kms-wizard lint template.yaml cdk.out/*.template.json

Exit codes: 0 no errors (no warnings with --strict), 1 findings, 2 usage error or unreadable file.`;

const OPTIONS = {
  type: { type: 'string' },
  input: { type: 'string' },
  'key-arn': { type: 'string' },
  format: { type: 'string' },
  json: { type: 'boolean' },
  strict: { type: 'boolean' },
} as const;

const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];


export const run: Command = async (argv, io) => {
  const { values, positionals } = parseFlags(argv, OPTIONS, true);
  const type = parseType(values.type);
  const format = parseFormat(values.format, values.json ?? false);
  const keyArn = parseKeyArnFlag(values['key-arn']);
  const input = parseInputFormat(values.input);
  if (positionals.length === 0) throw new UsageError('give at least one policy FILE to check (or - to read standard input)');
  if (positionals.filter((p) => p === '-').length > 1) throw new UsageError('"-" (standard input) can be given only once');

  const limits = inputLimits(io.env);
  const inputs = await readInputs(positionals, io, type, limits);
  const results = await lintInputs(inputs, input, keyArn ? { keyArn } : {}, { yaml: limits.yaml, intrinsics: limits.intrinsics });
  const out =
    format === 'sarif'
      ? renderSarif(results, { toolVersion: VERSION, rules: [...RULES, ...IAC_RULES] })
      : format === 'json'
        ? `${jsonText(toJson(results))}\n`
        : renderText(results, makeStyle(colorEnabled(io.env, io.stdout)), programName(io.env));
  io.stdout.write(out);
  const counts = countSeverities(results);
  return counts.error > 0 || (values.strict && counts.warning > 0) ? EXIT.findings : EXIT.ok;
};

function parseType(value: string | undefined): PolicyKind | undefined {
  if (value === undefined) return undefined;
  if (value === 'key' || value === 'iam') return value;
  const guess = didYouMean(value, ['key', 'iam']);
  throw new UsageError(`--type must be "key" or "iam", not "${value}"${guess ? ` (did you mean ${guess}?)` : ''}`);
}

function parseInputFormat(value: string | undefined): InputFormat | undefined {
  if (value === undefined) return undefined;
  if ((INPUT_FORMATS as readonly string[]).includes(value)) return value as InputFormat;
  const guess = didYouMean(value, INPUT_FORMATS);
  throw new UsageError(`--input must be json, terraform-plan or cloudformation, not "${safeText(value)}"${guess ? ` (did you mean ${guess}?)` : ''}`);
}

function parseFormat(value: string | undefined, json: boolean): Format {
  if (json && value !== undefined && value !== 'json') throw new UsageError(`--json and --format ${value} contradict each other; give one of them`);
  if (json || value === undefined) return json ? 'json' : 'text';
  if ((FORMATS as readonly string[]).includes(value)) return value as Format;
  const guess = didYouMean(value, FORMATS);
  throw new UsageError(`--format must be text, json or sarif, not "${value}"${guess ? ` (did you mean ${guess}?)` : ''}`);
}

function parseKeyArnFlag(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const parsed = parseKeyArn(value);
  if (!parsed.ok) throw new UsageError(`--key-arn: ${parsed.error.message}. ${parsed.error.hint}`);
  return parsed.value.arn;
}

async function readInputs(paths: string[], io: CommandIo, type: PolicyKind | undefined, limits: InputLimits): Promise<LintInput[]> {
  const texts = await readPolicyTexts(paths, io, { ...limits.read, directoryHint: ' (give the policy files inside it)' });
  return texts.map((t) => ({ ...t, ...(type ? { type } : {}) }));
}

function countSeverities(results: LintedFile[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const r of results) for (const f of r.findings) counts[f.severity]++;
  return counts;
}

/** The --format json document: per file, its kind and findings. */
function toJson(results: LintedFile[]) {
  const counts = countSeverities(results);
  return {
    files: results.map((r) => ({
      file: r.name,
      ...(r.resource !== undefined ? { resource: r.resource } : {}),
      kind: r.kind ?? null,
      findings: r.findings.map(({ code, severity, message, hint, line, column, pointer }) => ({
        code, severity, message, ...(hint ? { hint } : {}), line, column, pointer,
      })),
    })),
    summary: { files: results.length, errors: counts.error, warnings: counts.warning, infos: counts.info },
  };
}

const KIND_NAME: Record<PolicyKind, string> = { key: 'key policy', iam: 'IAM policy' };


/** file:line:col  severity  CODE  message, grouped per file, then a summary line. */
/** The findings as text; the commands their messages and hints suggest are written as `program` (npx kms-wizard under npx). */
function renderText(results: LintedFile[], style: Style, program: string): string {
  const said = (text: string) => commandsAsInvoked(safeText(text), program);
  const paint: Record<Severity, (s: string) => string> = { error: style.red, warning: style.yellow, info: style.cyan };
  const blocks = results.map((r) => {
    const name = safeText(r.name);
    const resource = r.resource !== undefined ? safeText(r.resource) : undefined;
    if (r.findings.length === 0 && r.kind === undefined) return `${style.bold(name)}: ${style.green('no key or IAM policies found')}`;
    if (r.findings.length === 0) return `${style.bold(name)}${resource !== undefined ? ` ${resource}` : ''}: ${style.green('no problems')}${r.kind ? ` (${KIND_NAME[r.kind]})` : ''}`;
    const width = Math.max(...r.findings.map((f) => `${name}:${f.line}:${f.column}`.length));
    return r.findings
      .map((f) => {
        const where = `${name}:${f.line}:${f.column}`.padEnd(width);
        // An infrastructure file's findings name the resource: template.yaml:42:11  MyKey  error  KW401 ...
        const owner = resource !== undefined ? `${resource}  ` : '';
        const line = `${style.bold(where)}  ${owner}${paint[f.severity](f.severity.padEnd(7))}  ${style.dim(f.code)}  ${said(f.message)}`;
        return f.hint ? `${line}\n${' '.repeat(width + 2)}${style.dim(`hint: ${said(f.hint)}`)}` : line;
      })
      .join('\n');
  });
  const c = countSeverities(results);
  const total = c.error + c.warning + c.info;
  // An infrastructure file gives one result per policy but is one file.
  const files = counted(results.filter((r) => r.resource === undefined).length + new Set(results.filter((r) => r.resource !== undefined).map((r) => r.name)).size, 'file');
  const summary =
    total === 0
      ? style.green(`No problems found in ${files}.`)
      : `Found ${[counted(c.error, 'error'), counted(c.warning, 'warning'), `${c.info} info`].join(', ')} in ${files}.`;
  return `${blocks.join('\n\n')}\n\n${c.error > 0 ? style.red(summary) : summary}\n`;
}
