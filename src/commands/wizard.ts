// `kms-wizard` with no command: the interactive wizard. Decides the mode
// before anything renders: a terminal gets the full-screen wizard (or the
// linear accessible prompts); anything else gets exit 2 and the generate
// flags that would answer the questions. Ink and React load only through
// the dynamic imports below, so --help and the refusal stay light.
import { listFlag, parseFlags } from '../cli/args.js';
import { EXIT, UsageError } from '../cli/errors.js';
import { whyNotInteractive } from '../cli/interactive.js';
import type { Command, CommandIo } from '../cli/io.js';
import { colorEnabled, makeStyle } from '../cli/style.js';
import { FORMAT_NAMES } from '../output/formats/index.js';
import { safeText } from '../core/terminal-safe.js';
import type { CurrentPolicyFile } from '../ui/answer-types.js';
import type { PolicySpec } from '../core/spec.js';
import { FROM_OPTIONS } from './from-flags.js';
import { EXPORT_OPTIONS, EXPORTS_HELP, exportFiles, exportsGiven, type ExportFlagValues } from './who-can-flags.js';
import type { WizardExports } from '../ui/state.js';
import { parseKeyArn } from '../core/arn.js';
import { INPUT_LIMITS_HELP } from './input-limits.js';
import { readKeyPolicies } from './policy-files.js';
import { SPEC_FLAGS_HELP, SPEC_OPTIONS, specAnswersFromFlags } from './spec-flags.js';

export const help = `kms-wizard: answer a few questions, get a KMS key policy and the matching IAM policy.

Usage:
  kms-wizard [flags]              (also: kms-wizard wizard [flags])

Each step explains why it matters (? toggles the explanation). Flags answer
their step in advance; the step is then shown as answered and not asked.

Questions (the same flags as kms-wizard generate):
${SPEC_FLAGS_HELP}

Start (the first step):
  --from FILE            the key's current key policy, saved with
                         aws kms get-key-policy --key-id ARN --policy-name default \\
                             --query Policy --output text > current-key-policy.json
                         or a Terraform plan or CloudFormation template holding the key policy.
                         Statements kms-wizard does not own are kept; what the file says
                         pre-answers the administrators, consumers, services and Regions.
  --policy NAME          the key policy of a --from plan or template that has several
  --keep SID|#N          keep this statement as it is (repeatable; #N = the N-th statement)
  --drop SID|#N          leave this statement out (repeatable); the review's Changes tab shows both

${EXPORTS_HELP}
  The review then has a "Who can" tab (compared with --from's policy, or with none).
  They need --key-arn: the key they were exported for.

Output (the last step):
  --out DIR              write the files into DIR without asking where
  --stdout               print the files instead of writing them
  --format FORMAT        ${FORMAT_NAMES.join(' | ')} (default json; also chosen in the wizard)
  --force                overwrite existing files without asking

Mode:
  --accessible           plain one-question-at-a-time prompts with numbered choices and no
                         screen redraws (screen readers, dumb terminals). Also: ACCESSIBLE=1,
                         or TERM=dumb.
  --no-interactive       never prompt: exit 2 naming the flags still missing (use generate)

Keys: Enter continue · Esc back (answers kept) · ↑/↓ and Space in lists · type to
filter · ? why · Ctrl-C cancel (nothing written).

Pressing Enter at every step accepts the defaults and writes key-policy.json and
iam-policy.json into the current directory: the same bytes as kms-wizard generate.

Without a terminal (piped, redirected, CI=true) the wizard does not start; run
kms-wizard generate with the flags it names.

${INPUT_LIMITS_HELP}

Exit codes: 0 done, 1 could not write or a malformed export, 2 usage or no terminal, 130 cancelled (Ctrl-C).`;

const OPTIONS = {
  ...SPEC_OPTIONS,
  out: { type: 'string' },
  stdout: { type: 'boolean' },
  format: { type: 'string' },
  force: { type: 'boolean' },
  accessible: { type: 'boolean' },
  'no-interactive': { type: 'boolean' },
  ...FROM_OPTIONS,
  ...EXPORT_OPTIONS,
} as const;

/** The generate flags for the questions the given answers leave open, from the shared help text. */
export function unansweredFlagsHelp(answers: Partial<PolicySpec>): string {
  const open: Record<string, boolean> = {
    'key-arn': answers.keyArn === undefined && answers.newKey === undefined,
    admin: answers.admins === undefined,
    consumer: answers.consumers === undefined,
    access: answers.access === undefined,
    service: answers.services === undefined,
    region: answers.regions === undefined,
    actions: answers.actions === undefined,
  };
  const blocks = SPEC_FLAGS_HELP.split(/\n(?=  --)/);
  return blocks.filter((b) => open[/^\s*--([a-z-]+)/.exec(b)?.[1] ?? ''] ?? false).join('\n');
}

const shellQuote = (v: string) => (/^[\w@%+=:,./-]+$/.test(v) ? v : `'${v.replace(/'/g, `'\\''`)}'`);

function refusal(reason: string, argv: string[], answers: Partial<PolicySpec>): string {
  const given = argv.filter((a) => a !== '--no-interactive' && a !== '--accessible' && a !== 'wizard').map(shellQuote);
  const missing = [...(answers.keyArn === undefined && answers.newKey === undefined ? ['--key-arn ARN'] : []), ...(answers.services === undefined ? ['--service NAME'] : [])];
  const open = unansweredFlagsHelp(answers);
  return (
    `the wizard needs a terminal to ask its questions, and ${reason}.\n` +
    (open
      ? `Answer them with flags to kms-wizard generate instead. Still unanswered${missing.length ? ` (${missing.map((m) => m.split(' ')[0]).join(' and ')} required)` : ' (all optional)'}:\n${open}\n`
      : 'Every question is answered by the flags given, so kms-wizard generate can write the files:\n') +
    `For example:\n  kms-wizard generate ${[...given, ...missing].join(' ')}`
  );
}

export const run: Command = async (argv, io) => {
  const { values } = parseFlags(argv, OPTIONS);
  const answers = specAnswersFromFlags(values);
  const format = values.format ?? 'json';
  if (!FORMAT_NAMES.includes(format)) throw new UsageError(`--format must be one of ${FORMAT_NAMES.join(', ')}, not "${format}"`);
  if (values.out !== undefined && values.stdout) throw new UsageError('--out and --stdout both answer the output step: give one of them');

  if (values.from !== undefined && answers.newKey) throw new UsageError('--from and --new-key cannot be used together: a key that does not exist yet has no current policy');
  if (values.from === undefined && (values.keep || values.drop || values.policy !== undefined)) throw new UsageError(`${values.keep ? '--keep' : values.drop ? '--drop' : '--policy'} needs --from FILE (the key's current policy)`);
  const overrides = { ...(values.keep ? { keep: listFlag(values.keep) } : {}), ...(values.drop ? { drop: listFlag(values.drop) } : {}) };
  const current = values.from !== undefined ? await readCurrentPolicyFlag(values.from, values.policy, overrides, io) : undefined;
  const exports = exportsGiven(values) ? await readExportsFlags(values, answers, io) : undefined;

  const reason = whyNotInteractive(io, Boolean(values['no-interactive']));
  if (reason) throw new UsageError(refusal(reason, argv, answers));

  const color = colorEnabled(io.env, io.stdout);
  const output = {
    ...(values.stdout ? { choice: 'print' as const } : values.out !== undefined ? { choice: 'write' as const, dir: values.out } : {}),
    format,
    force: Boolean(values.force),
  };
  const accessible = Boolean(values.accessible) || isSet(io.env.ACCESSIBLE) || io.env.TERM === 'dumb';
  if (accessible) {
    const { runAccessible } = await import('../ui/accessible/run.js');
    return runAccessible({ answers, ...(current ? { current } : {}), ...(exports ? { exports } : {}), output, formatGiven: values.format !== undefined }, io, makeStyle(color));
  }
  const { runWizardTui, transcript } = await import('../ui/run.js');
  const columns = io.stdout.columns || 80;
  const rows = (io.stdout as { rows?: number }).rows || 24;
  const { state, files } = await runWizardTui({ answers, ...(current ? { current } : {}), ...(exports ? { exports } : {}), output, size: { columns, rows } }, io, color);
  if (state.exit === 130) return EXIT.cancelled;
  const text = transcript(state, files, makeStyle(color));
  if (text.stderr) io.stderr.write(text.stderr);
  if (text.stdout) io.stdout.write(text.stdout);
  return EXIT.ok;
};

/** `--from FILE`: read and checked before anything is drawn; a bad file is a usage error (exit 2), as for generate. */
async function readCurrentPolicyFlag(file: string, selector: string | undefined, overrides: Pick<CurrentPolicyFile, 'keep' | 'drop'>, io: CommandIo): Promise<CurrentPolicyFile> {
  if (file === '-') throw new UsageError('--from - reads standard input, but the wizard reads your keys from it: save the policy to a file and give its name');
  // The reader every command uses: the same size limits, get-key-policy's output, the key policy of a template or plan.
  let chosen: { name: string; text: string } | undefined;
  try {
    chosen = (await readKeyPolicies([file], io, selector))[0];
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`--from: ${(err as Error).message}`);
  }
  const current = { file: chosen!.name, text: chosen!.text, ...overrides };
  const { currentFileProblems } = await import('../ui/current-policy.js');
  const problems = currentFileProblems(current);
  if (problems.file) throw new UsageError(`--from: ${safeText(problems.file)}`);
  // One line per message; a Sid's own line breaks (the file is untrusted) show escaped.
  if (problems.references.length > 0) throw new UsageError(problems.references.map(safeText).join('\n'));
  return current;
}

/** The export flags, read before anything is drawn: for the key --key-arn names (the grants and describe-key are of one key). */
async function readExportsFlags(values: ExportFlagValues, answers: Partial<PolicySpec>, io: CommandIo): Promise<WizardExports> {
  if (answers.newKey) throw new UsageError('--account-details and the other exports are of a key that exists; a new key (--new-key) has none yet');
  const key = parseKeyArn(answers.keyArn?.trim() ?? '');
  if (answers.keyArn === undefined) throw new UsageError('the exports (--account-details, --grants, ...) need --key-arn ARN: the key they were exported for');
  if (!key.ok) throw new UsageError(`--key-arn: ${safeText(key.error.message)}. ${safeText(key.error.hint)}`);
  if (exportFiles(values).includes('-')) throw new UsageError('an export from standard input ("-"): the wizard reads your keys from it, so save the export to a file and give its name');
  const { readExportFlags } = await import('./who-can-exports.js');
  return readExportFlags(values, key.value.arn, io);
}

const isSet = (v: string | undefined) => v !== undefined && v !== '' && v !== '0' && v !== 'false';
