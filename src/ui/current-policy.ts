/**
 * The wizard's view of the key's current policy: whether the file read is a
 * key policy, what it pre-answers, and the merged build. All of it comes
 * from core's current-policy module, called in the order `generate --from`
 * calls it, so the wizard writes the same bytes for the same answers.
 */
import { parseKeyArn, type KeyArn } from '../core/arn.js';
import type { BuildResult } from '../core/build-types.js';
import {
  formatCurrentPolicyError,
  fromCurrentPolicy,
  preAnswersFrom,
  readCurrentPolicy,
  resolveOverrides,
  statementFates,
  type CurrentPolicy,
  type Fates,
  type FromCurrentPolicy,
  type PreAnswers,
} from '../core/current-policy/index.js';
import { policyTooLarge } from '../core/iac/policy-size.js';
import type { Result } from '../core/result.js';
import type { Answers, CurrentPolicyFile } from './answer-types.js';

/**
 * What stops kms-wizard from starting from this file: why it is not a key
 * policy ("file:line:column: why"), or else each --keep / --drop reference
 * that names no statement. Both empty when nothing does.
 */
export function currentFileProblems(f: CurrentPolicyFile): { readonly file?: string; readonly references: readonly string[] } {
  // Refused before it is parsed: the same policy limit every command applies.
  const big = policyTooLarge(f.file, f.text);
  if (big) return { file: big, references: [] };
  const r = readCurrentPolicy(f.file, f.text);
  if (!r.ok) return { file: formatCurrentPolicyError(f.file, r.error), references: [] };
  const refs = resolveOverrides(r.value, overridesOf(f));
  return { references: refs.ok ? [] : refs.error };
}

/** Why this file is not a key policy kms-wizard can start from (undefined when it is). */
export const currentFileIssue = (f: CurrentPolicyFile): string | undefined => currentFileProblems(f).file;

const overridesOf = (f: CurrentPolicyFile) => ({ ...(f.keep ? { keep: f.keep } : {}), ...(f.drop ? { drop: f.drop } : {}) });

/** Why the answers' current policy cannot be used (undefined when it can). */
export function currentPolicyIssue(a: Answers): string | undefined {
  if (!a.current) return 'no current policy file was read';
  return currentFileIssue(a.current);
}

/** The file in a few words: its name and how many statements it has. */
export function currentPolicySummary(f: CurrentPolicyFile): string {
  const r = readCurrentPolicy(f.file, f.text);
  if (!r.ok) return f.file;
  const n = r.value.statements.length;
  return `${f.file} (${n} statement${n === 1 ? '' : 's'})`;
}

/** The current policy and its statements' fates, when the answers start from one and name a valid key. */
let fatesMemo: { file: CurrentPolicyFile; keyArn: string; value: ReturnType<typeof readFates> } | undefined;

export function currentAndFates(a: Answers): { current: CurrentPolicy; fates: Fates; key: KeyArn } | undefined {
  if (a.start !== 'current' || !a.current) return undefined;
  // Screens ask on every frame (the consumers step for its offer): read the file once per file and key.
  if (fatesMemo?.file !== a.current || fatesMemo.keyArn !== a.keyArn) fatesMemo = { file: a.current, keyArn: a.keyArn, value: readFates(a) };
  return fatesMemo.value;
}

function readFates(a: Answers): { current: CurrentPolicy; fates: Fates; key: KeyArn } | undefined {
  if (!a.current) return undefined;
  const key = parseKeyArn(a.keyArn);
  const read = readCurrentPolicy(a.current.file, a.current.text);
  if (!key.ok || !read.ok) return undefined;
  const fates = statementFates(read.value, key.value, overridesOf(a.current));
  return fates.ok ? { current: read.value, fates: fates.value, key: key.value } : undefined;
}

/** What the current policy tells about the answers (undefined without a readable one). */
export function currentPreAnswers(a: Answers): PreAnswers | undefined {
  const c = currentAndFates(a);
  return c ? preAnswersFrom(c.current, c.fates, c.key) : undefined;
}

/**
 * The answers with the current policy read: what the file tells (admins,
 * consumer accounts, services, Regions) pre-answers the steps flags did not
 * answer; the user can still change each of them.
 */
export function withCurrentPolicy(a: Answers, file: CurrentPolicyFile, fromFlags: readonly string[]): Answers {
  const next: Answers = { ...a, start: 'current', current: file };
  const pre = currentPreAnswers(next);
  if (!pre) return next;
  const open = (step: string, values: readonly string[]) => !fromFlags.includes(step) && values.length > 0;
  return {
    ...next,
    ...(open('admins', pre.admins) ? { admins: [...pre.admins] } : {}),
    ...(open('consumers', pre.consumers) ? { consumers: [...pre.consumers] } : {}),
    ...(open('services', pre.services) ? { services: [...pre.services] } : {}),
    ...(open('regions', pre.regions) ? { regions: [...pre.regions] } : {}),
  };
}

let memo: { build: BuildResult; file: CurrentPolicyFile; result: Result<FromCurrentPolicy, string[]> } | undefined;

/** The same file read with the same --keep / --drop (the merge depends on all four). */
const sameFile = (x: CurrentPolicyFile, y: CurrentPolicyFile) =>
  x.file === y.file && x.text === y.text && JSON.stringify([x.keep, x.drop]) === JSON.stringify([y.keep, y.drop]);

/** The build merged with the current policy (the last one remembered: the review and the output both ask for it). */
export function mergedWithCurrent(a: Answers, build: BuildResult): Result<FromCurrentPolicy, string[]> | undefined {
  if (memo && memo.build === build && a.current && sameFile(memo.file, a.current)) return memo.result;
  const c = currentAndFates(a);
  if (!c || !a.current) return undefined;
  const result = fromCurrentPolicy(build, c.current, c.fates);
  memo = { build, file: a.current, result };
  return result;
}
