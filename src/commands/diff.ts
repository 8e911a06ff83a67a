// kms-wizard diff: what access a new key policy adds and removes compared
// with the current one, offline. The CI form of "check no new access":
// exit 1 when AFTER allows anything BEFORE did not.
import { parseFlags } from '../cli/args.js';
import { CliError, EXIT, UsageError } from '../cli/errors.js';
import { print, type Command, type CommandIo } from '../cli/io.js';
import { colorEnabled, makeStyle } from '../cli/style.js';
import { EXAMPLE_KEY_ARN, parseKeyArn } from '../core/arn.js';
import { compareAccess, formatCurrentPolicyError, readCurrentPolicy } from '../core/current-policy/index.js';
import { openedToAnyone } from '../core/current-policy/opened-to-anyone.js';
import { jsonText, safeText } from '../core/terminal-safe.js';
import { accessLines, changeJson } from '../output/current-policy-text.js';
import { INPUT_LIMITS_HELP } from './input-limits.js';
import { parsePolicyDocuments, readIamPolicies, readKeyPolicies } from './policy-files.js';
import { openedToAnyoneLines } from '../output/opened-to-anyone-text.js';
import type { WhoCanChange } from '../core/who-can/index.js';
import { anyGain, whoCanChangeJson, whoCanChangeLines } from '../output/who-can-change-text.js';
import { EXPORT_OPTIONS, EXPORTS_HELP, exportsGiven, exportUsageProblem, type ExportFlagValues } from './who-can-flags.js';

export const help = `kms-wizard diff: the access a key policy change adds and removes, offline.

Usage:
  kms-wizard diff BEFORE AFTER --key-arn ARN [--policy NAME] [--iam-policy FILE]... [--json]
                  [--account-details FILE]... [--grants FILE] [--scp FILE]... [--rcp FILE]...
                  [--describe-key FILE] [--management-account ID]

BEFORE and AFTER are each a key policy file, aws kms get-key-policy's output,
or a Terraform plan or CloudFormation template (JSON or YAML, SAM, CDK synth)
with one key policy; --policy NAME picks the key policy of a template or plan
that has several (its Terraform address or logical id, in both files).

Evaluates both key policies over the same requests: every principal either
names (plus a role of the key's account and a role of another account),
every KMS action on a key either names, called directly, through each
kms:ViaService value either names, and through a service neither names.
Lists each request whose answer changes to or from Allow, with the statement
and condition behind the new answer. Access added is listed first.

Without --iam-policy, every IAM principal is taken to have an IAM policy that
allows kms:* on the key, so the comparison shows everything each key policy
lets IAM allow. With --iam-policy, those policies are attached to every IAM
principal instead. Service principals need no IAM policy.

Options:
  --key-arn ARN        the key both policies belong to (arn:aws:kms:REGION:ACCOUNT:key/ID)
  --policy NAME        the key policy to compare, in a template or plan with several
  --iam-policy FILE    an IAM policy attached to every IAM principal (repeatable); a
                       template or plan gives each of its IAM policies
  --json               print {"added": [...], "removed": [...], "warnings": [...]}; each change is
                       {principal, who, action, via, before, after, reason} (via null = a direct call)
  -h, --help           show this help

${EXPORTS_HELP}
  --json then adds "principalChanges" (each {kind: access|takeover, principal,
  change: gains|loses|conditions, action, via, services, grantId, conditions,
  external, path}) and "principalNotes" (what who-can assumed); a principal that
  gains access or a takeover path also exits 1.

Either file may be - (standard input), e.g. the key's policy in place:
  aws kms get-key-policy --key-id ARN --policy-name default --query Policy --output text |
      kms-wizard diff - key-policy.json --key-arn ARN

In CI, fail a pull request that widens a key:
  kms-wizard diff main/key-policy.json key-policy.json --key-arn ARN

${INPUT_LIMITS_HELP}

Exit codes: 0 AFTER allows nothing new, 1 AFTER allows something BEFORE did not (or a
principal of the exports gains access, or an export is malformed), 2 usage error, or a file that is unreadable, not JSON (file:line:column) or not a key policy.`;

const OPTIONS = {
  'key-arn': { type: 'string' },
  policy: { type: 'string' },
  'iam-policy': { type: 'string', multiple: true },
  json: { type: 'boolean' },
  ...EXPORT_OPTIONS,
} as const;

export const run: Command = async (argv, io) => {
  const { values, positionals } = parseFlags(argv, OPTIONS, true);
  if (positionals.length !== 2) {
    throw new UsageError(`expected two key policy files, BEFORE and AFTER (got ${positionals.length}), e.g. kms-wizard diff current.json key-policy.json --key-arn ARN`);
  }
  if (positionals[0] === '-' && positionals[1] === '-') throw new UsageError('only one of BEFORE and AFTER can be - (standard input)');
  const keyValue = values['key-arn']?.trim();
  if (!keyValue) throw new UsageError(`missing --key-arn (e.g. --key-arn ${EXAMPLE_KEY_ARN})`);
  const key = parseKeyArn(keyValue);
  if (!key.ok) throw new UsageError(`--key-arn: ${safeText(key.error.message)}. ${safeText(key.error.hint)}`);

  const exportProblem = exportsGiven(values) ? exportUsageProblem(values, positionals.includes('-')) : undefined;
  if (exportProblem) throw new UsageError(safeText(exportProblem));

  const texts = await readKeyPolicies(positionals, io, values.policy);
  const read = texts.map((t) => readCurrentPolicy(t.name, t.text));
  const problems = read.flatMap((r, i) => (r.ok ? [] : [formatCurrentPolicyError(texts[i]!.name, r.error)]));
  if (problems.length > 0) throw new CliError(problems.map(safeText).join('\n'), EXIT.usage);
  const [before, after] = read.map((r) => (r.ok ? r.value.document : undefined));

  const iamPaths = values['iam-policy'] ?? [];
  const iam = iamPaths.length > 0 ? await parsePolicyDocuments((await readIamPolicies(iamPaths, io)).map((t) => ({ ...t, type: 'iam' as const }))) : [];
  const access = compareAccess({
    before,
    after,
    keyArn: key.value.arn,
    ...(iam.length > 0 ? { iamPolicies: iam.map((p) => p.document), iamPolicyNames: iam.map((p) => p.name) } : {}),
  });
  const anyone = openedToAnyone(before, after);
  const principals = exportsGiven(values) ? await principalChange(values, key.value.arn, io, positionals.includes('-'), before!, after!) : undefined;

  if (values.json) {
    print(io.stdout, jsonText({ added: access.added.map(changeJson), removed: access.removed.map(changeJson), warnings: [...anyone, ...access.warnings], ...(principals ? whoCanChangeJson(principals) : {}) }));
  } else {
    const style = makeStyle(colorEnabled(io.env, io.stdout));
    const lines = [style.bold(`${safeText(texts[0]!.name)} -> ${safeText(texts[1]!.name)} (key ${safeText(key.value.arn)}):`), ...openedToAnyoneLines(anyone, style), ...accessLines(access, style, true)];
    if (access.warnings.length > 0) lines.push('', style.bold(style.yellow('Warnings:')), ...access.warnings.map((w) => `  ! ${safeText(w)}`));
    if (principals) lines.push('', ...whoCanChangeLines(principals, style));
    print(io.stdout, lines.join('\n'));
  }
  return access.added.length > 0 || (principals !== undefined && anyGain(principals)) ? EXIT.findings : EXIT.ok;
};

/** who-can on BEFORE and AFTER over the exports the flags name, compared (the readers load only with the flags). */
async function principalChange(values: ExportFlagValues, keyArn: string, io: CommandIo, stdinTaken: boolean, before: Record<string, unknown>, after: Record<string, unknown>): Promise<WhoCanChange> {
  const { readExportFlags } = await import('./who-can-exports.js');
  const { whoCanChange } = await import('../core/who-can/index.js');
  return whoCanChange(await readExportFlags(values, keyArn, io, stdinTaken), before, after);
}
