// `generate --from FILE|-`: the flags, reading the key's current policy, and
// what generate prints about it. The decisions are in core/current-policy.
import { listFlag } from '../cli/args.js';
import { CliError, EXIT, UsageError } from '../cli/errors.js';
import type { CommandIo } from '../cli/io.js';
import { parseKeyArn } from '../core/arn.js';
import type { BuildResult } from '../core/build-types.js';
import {
  formatCurrentPolicyError,
  fromCurrentPolicy,
  readCurrentPolicy,
  statementFates,
  type CurrentPolicy,
  type Fates,
  type FromCurrentPolicy,
} from '../core/current-policy/index.js';
import type { PolicySpec } from '../core/spec.js';
import { safeText } from '../core/terminal-safe.js';
// Generate prints the same words the wizard's Changes tab shows: they live in output/.
import { changeJson, fatesJson, fromNextSteps, fromText, type Paint } from '../output/current-policy-text.js';
import type { NextStep } from '../output/next-step.js';
import { readKeyPolicies } from './policy-files.js';
import type { WhoCanChange } from '../core/who-can/index.js';
import type { PolicyDocument } from '../core/policy.js';
import { whoCanChangeJson, whoCanChangeLines } from '../output/who-can-change-text.js';
import { exportFiles, exportsGiven, exportUsageProblem, type ExportFlagValues } from './who-can-flags.js';

const exportFlagGiven = (values: ExportFlagValues) =>
  values['account-details']?.length ? '--account-details' : values.grants ? '--grants' : exportFiles(values).length > 0 ? 'an export flag (--scp, --rcp, --describe-key)' : '--management-account';

/** The current policy and its statements' fates, read before the spec is validated. */
export interface FromInput {
  readonly current: CurrentPolicy;
  readonly fates: Fates;
  /** With the accounts' exports (--account-details, --grants, ...): who-can on the current policy and a new one, compared. */
  readonly principalChange?: (after: PolicyDocument) => WhoCanChange;
}

interface FromFlagValues extends ExportFlagValues {
  from?: string;
  policy?: string;
  keep?: string[];
  drop?: string[];
}

/**
 * Reads `--from` and decides the fates; fills the administrators from the
 * file when --admin is not given. Undefined without --from (and an error
 * when --keep/--drop come without it). A key ARN that does not parse is
 * left for the spec's validation to report.
 */
async function readFromFlags(values: FromFlagValues, answers: Partial<PolicySpec>, io: CommandIo): Promise<FromInput | undefined> {
  if (values.from === undefined) {
    if (values.keep || values.drop || values.policy !== undefined) throw new UsageError(`${values.keep ? '--keep' : values.drop ? '--drop' : '--policy'} needs --from FILE (the key's current policy)`);
    if (exportsGiven(values)) throw new UsageError(`${exportFlagGiven(values)} needs --from FILE (the key's current policy): the exports say who gains and loses access when it changes`);
    return undefined;
  }
  const exportProblem = exportsGiven(values) ? exportUsageProblem(values, values.from === '-') : undefined;
  if (exportProblem) throw new UsageError(safeText(exportProblem));
  if (values.from.trim() === '') throw new UsageError('--from needs a file name, or - for standard input');
  if (answers.newKey !== undefined) {
    throw new UsageError('--from reads the current policy of a key that exists; a new key (--new-key) has none. Drop --from, or use --key-arn for the existing key');
  }
  // A policy file, get-key-policy's output, or the key policy of a template or plan (--policy NAME picks one).
  const [text] = await readKeyPolicies([values.from], io, values.policy);
  const current = readCurrentPolicy(text!.name, text!.text);
  if (!current.ok) throw new CliError(safeText(formatCurrentPolicyError(text!.name, current.error)), EXIT.usage);
  const key = parseKeyArn(answers.keyArn ?? '');
  if (!key.ok) return undefined;
  const fates = statementFates(current.value, key.value, { keep: listFlag(values.keep), drop: listFlag(values.drop), adminsGiven: answers.admins !== undefined });
  if (!fates.ok) throw new UsageError(fates.error.map(safeText).join('\n'));
  if (answers.admins === undefined && fates.value.admins.length > 0) answers.admins = [...fates.value.admins];
  // The exports load their readers (and the who-can engine) only when given.
  const principalChange = exportsGiven(values) ? await principalChangeFrom(values, key.value.arn, current.value, io) : undefined;
  return { current: current.value, fates: fates.value, ...(principalChange ? { principalChange } : {}) };
}

async function principalChangeFrom(values: FromFlagValues, keyArn: string, current: CurrentPolicy, io: CommandIo): Promise<(after: PolicyDocument) => WhoCanChange> {
  const [{ readExportFlags }, { whoCanChange }] = await Promise.all([import('./who-can-exports.js'), import('../core/who-can/index.js')]);
  const exports = await readExportFlags(values, keyArn, io, values.from === '-');
  return (after) => whoCanChange(exports, current.document, after as unknown as Record<string, unknown>);
}

/** What generate writes and prints for a build merged with the current policy. */
export interface FromView {
  /** The merged build: the files to write. */
  readonly result: BuildResult;
  /** The next steps, with saving and checking the current policy first. */
  nextSteps(steps: readonly NextStep[]): NextStep[];
  /** The fields `generate --json` adds. */
  json(): ReturnType<typeof fromJson>;
  /** Each statement's fate and the access that changes, as text. */
  text(paint: Paint): string;
}

/**
 * `--from` (with `--keep` / `--drop`) read and checked before the spec is
 * validated (it may fill the administrators in `answers`); undefined without
 * --from. `merge` then joins a build with the current policy.
 */
export async function readFrom(values: FromFlagValues, answers: Partial<PolicySpec>, io: CommandIo): Promise<{ merge(result: BuildResult): FromView } | undefined> {
  const input = await readFromFlags(values, answers, io);
  if (!input) return undefined;
  return {
    merge(result) {
      const merged = mergeFrom(result, input);
      const principals = input.principalChange?.(merged.result.keyPolicy);
      return {
        result: merged.result,
        nextSteps: (steps) => fromNextSteps(steps, merged),
        json: () => ({ ...fromJson(merged), ...(principals ? whoCanChangeJson(principals) : {}) }),
        text: (paint) => `${fromText(merged, paint)}${principals ? `\n\n${whoCanChangeLines(principals, paint).join('\n')}` : ''}`,
      };
    },
  };
}

/** The build merged with the current policy; a Sid clash is a usage error (exit 2). */
function mergeFrom(result: BuildResult, from: FromInput): FromCurrentPolicy {
  const merged = fromCurrentPolicy(result, from.current, from.fates);
  if (!merged.ok) throw new UsageError(merged.error.map(safeText).join('\n'));
  return merged.value;
}

/** The fields `generate --json` adds with --from. */
function fromJson(from: FromCurrentPolicy) {
  return {
    from: fatesJson(from.fates),
    accessChanges: [...from.access.removed, ...from.access.added].map(changeJson),
    currentPolicyWarnings: from.warnings,
  };
}
