// Reading the export flags (./who-can-flags.ts) for diff, generate --from and
// the wizard: the files read as who-can reads them, the same limits and the
// same messages (a malformed export names the file and the field, exit 1).
import { CliError, EXIT, UsageError } from '../cli/errors.js';
import type { CommandIo } from '../cli/io.js';
import { isAccountId } from '../core/arn.js';
import { safeText } from '../core/terminal-safe.js';
import { ExportError, readWhoCanExports, type ExportText, type WhoCanExportTexts, type WhoCanInput } from '../core/who-can/index.js';
import { readPolicyTexts } from './policy-files.js';
import { exportFiles, exportUsageProblem, type ExportFlagValues } from './who-can-flags.js';

/** Exports of large accounts run to hundreds of megabytes; the reader refuses beyond this. */
export const EXPORT_LIMITS = { maxBytes: 1024 * 1024 * 1024 };

/** `--management-account`: a 12-digit account id (usage error otherwise). */
export function managementAccountFlag(values: ExportFlagValues): string | undefined {
  const management = values['management-account']?.trim();
  if (management !== undefined && !isAccountId(management)) throw new UsageError(`--management-account takes a 12-digit account id, not "${safeText(management)}"`);
  return management;
}

/** The export texts, in {@link exportFiles} order, as the fields the who-can readers take. */
export function exportTextsOf(values: ExportFlagValues, texts: readonly ExportText[]): Omit<WhoCanExportTexts, 'keyArn'> {
  let at = 0;
  const take = (n: number): ExportText[] => texts.slice(at, (at += n));
  const accountDetails = take(values['account-details']?.length ?? 0);
  const [grants] = take(values.grants ? 1 : 0);
  const scps = take(values.scp?.length ?? 0);
  const rcps = take(values.rcp?.length ?? 0);
  const [describeKey] = take(values['describe-key'] ? 1 : 0);
  const management = managementAccountFlag(values);
  return { accountDetails, ...(grants ? { grants } : {}), scps, rcps, ...(describeKey ? { describeKey } : {}), ...(management ? { managementAccount: management } : {}) };
}

/** A malformed export as the command prints it: the file, the field, what is wrong; exit 1. */
export function exportFailure(err: unknown): never {
  if (err instanceof ExportError) throw new CliError(safeText(err.message), EXIT.failure);
  throw err;
}

/**
 * Reads the export flags for the key `keyArn` (usage checked first, as
 * {@link exportUsageProblem} says). `stdinTaken`: another input of the
 * command already reads standard input.
 */
export async function readExportFlags(values: ExportFlagValues, keyArn: string, io: CommandIo, stdinTaken = false): Promise<Omit<WhoCanInput, 'keyPolicy'>> {
  const problem = exportUsageProblem(values, stdinTaken);
  if (problem) throw new UsageError(safeText(problem));
  const texts = await readPolicyTexts(exportFiles(values), io, EXPORT_LIMITS);
  try {
    return readWhoCanExports({ keyArn, ...exportTextsOf(values, texts) });
  } catch (err) {
    return exportFailure(err);
  }
}
