// The export flags who-can reads and diff, generate --from and the wizard
// take too (to state an access change in terms of the exports' principals).
// Only the flags and their help: the readers load from ./who-can-exports.ts
// when one is given.

export const EXPORT_OPTIONS = {
  'account-details': { type: 'string', multiple: true },
  grants: { type: 'string' },
  scp: { type: 'string', multiple: true },
  rcp: { type: 'string', multiple: true },
  'describe-key': { type: 'string' },
  'management-account': { type: 'string' },
} as const;

/** The values of {@link EXPORT_OPTIONS} as parseFlags gives them. */
export interface ExportFlagValues {
  readonly 'account-details'?: readonly string[];
  readonly grants?: string;
  readonly scp?: readonly string[];
  readonly rcp?: readonly string[];
  readonly 'describe-key'?: string;
  readonly 'management-account'?: string;
}

/** The export files in the order the readers take them: account details, grants, SCP levels, RCP levels, describe-key. */
export function exportFiles(values: ExportFlagValues): string[] {
  return [...(values['account-details'] ?? []), ...(values.grants ? [values.grants] : []), ...(values.scp ?? []), ...(values.rcp ?? []), ...(values['describe-key'] ? [values['describe-key']] : [])];
}

/** Whether any export flag is given. */
export const exportsGiven = (values: ExportFlagValues): boolean => exportFiles(values).length > 0 || values['management-account'] !== undefined;

/**
 * Usage errors of the export flags, before any file is read: --scp, --rcp,
 * --describe-key and --management-account say nothing about principals
 * alone; one standard input. `stdinTaken`: another input of the command
 * already reads it.
 */
export function exportUsageProblem(values: ExportFlagValues, stdinTaken: boolean): string | undefined {
  if (!values['account-details']?.length && !values.grants) {
    const lone = values.scp?.length ? '--scp' : values.rcp?.length ? '--rcp' : values['describe-key'] ? '--describe-key' : '--management-account';
    return `${lone} needs --account-details FILE (aws iam get-account-authorization-details) or --grants FILE (aws kms list-grants): they say who the principals are`;
  }
  const management = values['management-account']?.trim();
  if (management !== undefined && !/^\d{12}$/.test(management)) return `--management-account takes a 12-digit account id, not "${management}"`;
  if (exportFiles(values).filter((f) => f === '-').length + (stdinTaken ? 1 : 0) > 1) return 'only one file can be read from standard input ("-")';
  return undefined;
}

/** The export flags in the --help of diff, generate and the wizard (each then says what it does with them). */
export const EXPORTS_HELP = `The accounts' exports (read as kms-wizard who-can reads them):
  --account-details FILE aws iam get-account-authorization-details, one file per
                         account (repeatable)
  --grants FILE          aws kms list-grants --key-id K
  --scp FILE             the SCPs of one level of the organization (repeatable)
  --rcp FILE             the RCPs of one level (repeatable)
  --describe-key FILE    aws kms describe-key --key-id K (the actions the key allows)
  --management-account ID  the organization's management account (no SCPs, RCPs)
  With --account-details or --grants, who-can runs on both key policies over the
  same exports, and the change is stated per real principal: "role/App in
  111122223333 loses Decrypt directly". A malformed export is refused naming the
  file and the field (exit 1).`;
