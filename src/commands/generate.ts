import { relative } from 'node:path';
import { parseFlags } from '../cli/args.js';
import { selectStdoutFile, takeStdoutSelection } from './stdout-selection.js';
import { CliError, EXIT, UsageError } from '../cli/errors.js';
import { print, type Command } from '../cli/io.js';
import { colorEnabled, makeStyle } from '../cli/style.js';
import { buildPolicies } from '../core/build.js';
import { SERVICES } from '../core/catalog/services.js';
import { PRINCIPAL_SERVICES } from '../core/catalog/service-principals.js';
import { validateSpec } from '../core/spec.js';
import { jsonText, safeText } from '../core/terminal-safe.js';
import { filesAsText } from '../output/files-text.js';
import { FORMAT_NAMES, FORMATS } from '../output/formats/index.js';
import type { nextSteps } from '../output/next-steps.js';
import { programName, stepsFor, withProgram } from '../output/steps-for.js';
import { formatExplanation, formatIssue, formatNextSteps } from '../output/summary.js';
import { FilesExistError, PartialWriteError, planWrites, writeFilesAtomically } from '../output/write-files.js';
import { FROM_HELP, FROM_OPTIONS } from './from-flags.js';
import { EXPORT_OPTIONS, EXPORTS_HELP, exportsGiven } from './who-can-flags.js';
import { SPEC_FLAGS_HELP, SPEC_OPTIONS, specAnswersFromFlags, specWithDefaults } from './spec-flags.js';

export const help = `kms-wizard generate: write a KMS key policy and the matching IAM policy, no prompts.

Usage:
  kms-wizard generate --key-arn ARN --service NAME [flags]
  kms-wizard generate --new-key --account ID --region REGION --service NAME [flags]

Questions (each is also a wizard step):
${SPEC_FLAGS_HELP}

${FROM_HELP}

${EXPORTS_HELP}
  They need --from (the policy before); --json then adds "principalChanges" and
  "principalNotes", as kms-wizard diff does.

Output:
  --out DIR              directory to write into (created if needed; default .)
  --format FORMAT        ${FORMAT_NAMES.join(' | ')} (default json)
  --stdout [FILE]        print the files instead of writing them; with FILE (key-policy,
                         iam-policy, iam-policy-ACCOUNT) only that one, as the bare file
  --json                 print one JSON object: policies, paths, notes, warnings, next steps
  --force                overwrite files that already exist (otherwise nothing is written)
  --dry-run              show what would be written; write nothing

Files: key-policy.json, and iam-policy.json for the key's account (iam-policy-ACCOUNT.json
for other consumer accounts), 2-space JSON with a final newline; the same answers always
give the same bytes. With --new-key only key-policy.json is written (an IAM policy names the
key's ARN); the next steps create the key with it (aws kms create-key --policy), then rerun
with --key-arn for the IAM policy. Terraform, CloudFormation and CDK create the key themselves
and their IAM policies refer to it.

Examples:
  kms-wizard generate --key-arn arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab \\
      --service secretsmanager
  kms-wizard generate --key-arn ARN --service ebs --service rds --region us-east-1 --out policies/
  kms-wizard generate --key-arn ARN --service s3 --consumer arn:aws:iam::111122223333:role/app \\
      --access principals --stdout
  aws kms get-key-policy --key-id ARN --policy-name default --query Policy --output text |
      kms-wizard generate --from - --key-arn ARN --service secretsmanager
  kms-wizard generate --new-key --account 111122223333 --region us-east-1 --service secretsmanager
  kms-wizard generate --new-key --account 111122223333 --region us-east-1 --region eu-west-1 \\
      --multi-region --service s3 --format terraform

Services through a caller (kms:ViaService): ${SERVICES.map((s) => s.id).join(', ')}.
Services that act as themselves (service principal): ${PRINCIPAL_SERVICES.map((s) => s.id).join(', ')}.
Exit codes: 0 written, 1 files in the way or write failed, 2 bad flags or answers.`;

const OPTIONS = {
  ...SPEC_OPTIONS,
  ...FROM_OPTIONS,
  ...EXPORT_OPTIONS,
  out: { type: 'string' },
  format: { type: 'string' },
  stdout: { type: 'boolean' },
  json: { type: 'boolean' },
  force: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
} as const;

export const run: Command = async (argv, io) => {
  const stdoutSelection = takeStdoutSelection(argv);
  const { values } = parseFlags(stdoutSelection.argv, OPTIONS);
  const answers = specAnswersFromFlags(values);
  if (answers.keyArn === undefined && answers.newKey === undefined) {
    throw new UsageError(
      'missing --key-arn (required for an existing key), e.g. --key-arn arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab\n' +
        'For a key that does not exist yet, use --new-key --account ID --region REGION instead.',
    );
  }
  if (answers.services === undefined) throw new UsageError('missing --service (required, repeatable), e.g. --service secretsmanager');
  const format = values.format ?? 'json';
  const render = FORMATS[format];
  if (!render) throw new UsageError(`--format must be one of ${FORMAT_NAMES.join(', ')}, not "${format}"`);

  // Reading a current policy (the current-policy core, lint's JSON positions,
  // the evaluator) loads only when --from, --keep or --drop is given.
  const current = values.from !== undefined || values.keep || values.drop || values.policy !== undefined || exportsGiven(values) ? await (await import('./from-current.js')).readFrom(values, answers, io) : undefined;
  const resolved = validateSpec(specWithDefaults(answers));
  if (!resolved.ok) {
    const n = resolved.error.length;
    throw new UsageError(`${n === 1 ? 'this answer needs fixing' : `${n} answers need fixing`}:\n${resolved.error.map((e) => `  ${formatIssue(e)}`).join('\n')}`);
  }
  const from = current?.merge(buildPolicies(resolved.value));
  const result = from ? from.result : buildPolicies(resolved.value);
  const files = render(result);
  const outDir = values.out ?? '.';
  const shownDir = outDir === '.' ? '.' : relative(io.cwd, outDir) || '.';
  // --stdout writes no file: the steps then begin by writing them (--json carries the steps too).
  const formatSteps = stepsFor(format, result, shownDir, { currentPolicyGiven: from !== undefined, written: !values.stdout });
  const steps = withProgram(from ? from.nextSteps(formatSteps) : formatSteps, programName(io.env));
  const style = makeStyle(colorEnabled(io.env, io.stdout));
  const dir = outDir.startsWith('/') ? outDir : `${io.cwd}/${outDir}`;
  const report = (files: Parameters<typeof jsonReport>[1], dryRun: boolean) => ({ ...jsonReport(result, files, steps, dryRun), ...(from ? from.json() : {}) });
  const fromSection = (paint: ReturnType<typeof makeStyle>) => (from ? `\n\n${from.text(paint)}` : '');

  if (values.stdout) {
    if (values.json) {
      print(io.stdout, jsonText(report(files.map((f) => ({ name: f.name, path: null, written: false })), false)));
      return EXIT.ok;
    }
    // One file alone is printed bare (pure JSON for the JSON format), through the same escaping as several.
    io.stdout.write(filesAsText(stdoutSelection.select === undefined ? files : [selectStdoutFile(files, stdoutSelection.select)]));
    const errStyle = makeStyle(colorEnabled(io.env, io.stderr));
    print(io.stderr, `${formatExplanation(result, errStyle)}${fromSection(errStyle)}`);
    return EXIT.ok;
  }

  const plan = await planWrites(dir, files).catch((err) => {
    if (err instanceof PartialWriteError) throw new CliError(safeText(err.message));
    throw writeError(err, shownDir);
  });
  const inTheWay = plan.filter((p) => p.exists);
  if (values['dry-run']) {
    if (values.json) {
      print(io.stdout, jsonText(report(files.map((f, i) => ({ name: f.name, path: plan[i]!.path, written: false, exists: plan[i]!.exists })), true)));
    } else {
      print(io.stdout, style.bold(`Dry run: would write into ${safeText(shownDir)}:`));
      files.forEach((f, i) => print(io.stdout, `  ${f.name.padEnd(28)}${f.description}${plan[i]!.exists ? style.yellow(values.force ? '  (would overwrite)' : '  (exists: refused without --force)') : ''}`));
      print(io.stdout, `\n${formatExplanation(result, style)}${fromSection(style)}`);
    }
    return inTheWay.length > 0 && !values.force ? EXIT.failure : EXIT.ok;
  }

  let written: string[];
  try {
    written = await writeFilesAtomically(dir, files, { force: Boolean(values.force) });
  } catch (err) {
    if (err instanceof FilesExistError) {
      throw new CliError(
        `nothing written: ${err.paths.map((p) => relative(io.cwd, p) || p).join(', ')} already ${err.paths.length === 1 ? 'exists' : 'exist'}.\n` +
          'Use --force to overwrite, --out DIR to write elsewhere, or --stdout to print instead.',
      );
    }
    throw writeError(err, shownDir);
  }

  if (values.json) {
    print(io.stdout, jsonText(report(files.map((f, i) => ({ name: f.name, path: written[i]!, written: true })), false)));
    return EXIT.ok;
  }
  print(io.stdout, style.bold(`Wrote into ${safeText(shownDir)}:`));
  files.forEach((f) => print(io.stdout, `  ${style.green(f.name.padEnd(28))}${f.description}`));
  const notice = newKeyNotice(result, format);
  if (notice) print(io.stdout, `\n${style.bold(notice)}`);
  print(io.stdout, `\n${formatExplanation(result, style)}${fromSection(style)}\n\n${formatNextSteps(steps, style)}`);
  return EXIT.ok;
};

function writeError(err: unknown, shownDir: string): CliError {
  const e = err as NodeJS.ErrnoException;
  return new CliError(`nothing written: could not write into ${shownDir}: ${e.message}`);
}

/** Says plainly that the files are for a key not created yet, and what is not written until it is. */
function newKeyNotice(result: ReturnType<typeof buildPolicies>, format: string): string | undefined {
  const { key } = result.spec;
  if (!key.isNew) return undefined;
  const where = `account ${key.account}, Region ${key.region}${key.multiRegion ? ', multi-Region' : ''}`;
  const pending = result.iamPlans.map((p) => p.fileName).join(', ');
  if (format !== 'json') return `This is for a NEW key (${where}): the file creates the key with its key policy.`;
  return (
    `This is the key policy for a NEW key (${where}): create the key with it (step 1 below).` +
    (pending ? `\nNo IAM policy file yet (${pending}): an IAM policy names the key's ARN, which exists only once the key does.` : '')
  );
}

function jsonReport(
  result: ReturnType<typeof buildPolicies>,
  files: { name: string; path: string | null; written: boolean; exists?: boolean }[],
  steps: ReturnType<typeof nextSteps>,
  dryRun: boolean,
) {
  return {
    keyArn: result.spec.key.arn ?? null,
    newKey: result.spec.key.isNew
      ? {
          account: result.spec.key.account,
          region: result.spec.key.region,
          partition: result.spec.key.partition,
          multiRegion: result.spec.key.multiRegion,
          // What the steps create: the key spec and usage, and whether (and how often) it rotates.
          keySpec: result.spec.keyMaterial.keySpec,
          keyUsage: result.spec.keyMaterial.keyUsage,
          rotation: result.spec.keyMaterial.rotation,
        }
      : null,
    access: result.spec.access,
    dryRun,
    keyPolicy: result.keyPolicy,
    iamPolicies: result.iamPolicies.map((p) => ({ account: p.account, fileName: p.fileName, attachTo: p.attachTo, policy: p.policy })),
    // A new key's IAM policies: needed, but written only once the key has an ARN.
    iamPoliciesPending: result.spec.key.isNew ? result.iamPlans.map((p) => ({ account: p.account, fileName: p.fileName, attachTo: p.attachTo })) : [],
    files,
    explanation: result.explanation,
    notes: result.notes,
    warnings: result.warnings,
    nextSteps: steps,
  };
}
