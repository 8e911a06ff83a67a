// who-can from the exports' texts, as the command reads them from files and
// the library API takes them: every file read by its reader, then the engine.
import { readAccountDetails } from './account-details.js';
import { readDescribeKey } from './describe-key.js';
import { whoCan, type WhoCanInput } from './engine.js';
import { ExportError } from './export-error.js';
import { readGrants } from './grants.js';
import { readKeyPolicy } from './key-policy.js';
import type { AccountExport } from './model.js';
import { readOrgPolicyLevel } from './org-policies.js';
import type { WhoCanResult } from './result.js';

/** One export: its name (for messages) and its text. */
export interface ExportText {
  readonly name: string;
  readonly text: string;
}

export interface WhoCanTexts {
  readonly keyArn: string;
  readonly keyPolicy: ExportText;
  readonly accountDetails?: readonly ExportText[];
  readonly grants?: ExportText;
  /** One file per level of the organization. */
  readonly scps?: readonly ExportText[];
  readonly rcps?: readonly ExportText[];
  readonly describeKey?: ExportText;
  readonly actions?: readonly string[];
  readonly managementAccount?: string;
}

/** The exports who-can reads besides the key policy (generate --from and diff compare two key policies over them). */
export type WhoCanExportTexts = Omit<WhoCanTexts, 'keyPolicy'>;

/** Reads every export but the key policy; throws an {@link ExportError} naming the file and field of the first malformed one. */
export function readWhoCanExports(input: WhoCanExportTexts): Omit<WhoCanInput, 'keyPolicy'> {
  const accounts: AccountExport[] = [];
  for (const t of input.accountDetails ?? []) {
    const a = readAccountDetails(t.name, t.text);
    const twice = accounts.find((b) => b.account === a.account);
    if (twice) throw new ExportError(t.name, '(file)', `is a second export of account ${a.account} (${twice.file} is the first): give one --account-details file per account`);
    accounts.push(a);
  }
  return {
    keyArn: input.keyArn,
    accounts,
    ...(input.grants ? { grants: readGrants(input.grants.name, input.grants.text, input.keyArn) } : {}),
    ...(input.scps?.length ? { scpLevels: input.scps.map((t) => readOrgPolicyLevel(t.name, t.text, 'SERVICE_CONTROL_POLICY')) } : {}),
    ...(input.rcps?.length ? { rcpLevels: input.rcps.map((t) => readOrgPolicyLevel(t.name, t.text, 'RESOURCE_CONTROL_POLICY')) } : {}),
    ...(input.describeKey ? { key: readDescribeKey(input.describeKey.name, input.describeKey.text, input.keyArn) } : {}),
    ...(input.actions ? { actions: input.actions } : {}),
    ...(input.managementAccount ? { managementAccount: input.managementAccount } : {}),
  };
}

/** Reads every export and answers; throws an {@link ExportError} naming the file and field of the first malformed one. */
export function whoCanFromTexts(input: WhoCanTexts): WhoCanResult {
  const exports = readWhoCanExports(input);
  return whoCan({ ...exports, keyPolicy: readKeyPolicy(input.keyPolicy.name, input.keyPolicy.text) });
}
