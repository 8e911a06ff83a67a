// Starting from a key's current key policy (`generate --from`, `diff`, the
// wizard's first question and its Changes tab): pure functions, no I/O.
//
//   readCurrentPolicy(name, text)          the file, refused with line:column when it is not a key policy
//   statementFates(current, key, flags)    each statement kept / replaced / merged, with the reason;
//                                          the administrators and direct users the file names
//   fromCurrentPolicy(build, current, f)   the merged key policy, its access changes and warnings
//   compareAccess({before, after, keyArn}) access added and removed between any two key policies
import type { BuildResult } from '../build-types.js';
import { KEY_POLICY_MAX_BYTES, utf8Length } from '../catalog/limits.js';
import { serializePolicy, type PolicyDocument } from '../policy.js';
import { fail, ok, type Result } from '../result.js';
import { compareAccess, type AccessComparison } from './access-changes.js';
import type { Fates } from './fates.js';
import { newLintErrors } from './lint-delta.js';
import { mergeKeyPolicy } from './merge.js';
import type { CurrentPolicy } from './read-current.js';

export { compareAccess, type AccessChange, type AccessComparison, type CompareInput } from './access-changes.js';
export { defaultFate, resolveOverrides, statementFates, type Fate, type FateOverrides, type Fates, type StatementFate } from './fates.js';
export { mergeKeyPolicy } from './merge.js';
export { formatCurrentPolicyError, readCurrentPolicy, type CurrentPolicy, type CurrentPolicyError } from './read-current.js';
export { newLintErrors } from './lint-delta.js';
export { preAnswersFrom, type PreAnswers } from './pre-answers.js';

/** A build combined with the key's current policy. */
export interface FromCurrentPolicy {
  /** The build, with `keyPolicy` = generated statements + kept statements, and the warnings below added. */
  readonly result: BuildResult;
  /** The current policy's name (file name or `<stdin>`). */
  readonly source: string;
  readonly fates: Fates;
  readonly access: AccessComparison;
  /** Everything the user must hear: wrong account, lost access for services and other accounts, new lint errors, size. */
  readonly warnings: readonly string[];
}

/**
 * Merges a build with the current policy and compares the access of the
 * two. Fails only when a kept statement's Sid collides with a generated one.
 */
export function fromCurrentPolicy(build: BuildResult, current: CurrentPolicy, fates: Fates): Result<FromCurrentPolicy, string[]> {
  const { key } = build.spec;
  // A new key has no policy yet, so there is nothing to start from.
  if (key.isNew) return fail(['a key that does not exist yet has no current policy to start from']);
  const merged = mergeKeyPolicy(build.keyPolicy, current, fates);
  if (!merged.ok) return fail(merged.error);
  const keyPolicy: PolicyDocument = merged.value;
  const access = compareAccess({ before: current.document, after: keyPolicy, keyArn: key.arn });
  const text = serializePolicy(keyPolicy);
  const warnings = [...fates.warnings, ...access.warnings];
  for (const f of newLintErrors(JSON.stringify(current.document, null, 2), text)) {
    warnings.push(`the merged key policy has a lint error the current one did not: ${f.code} ${f.message}`);
  }
  const bytes = utf8Length(text);
  const size = bytes > KEY_POLICY_MAX_BYTES
    ? [{ field: 'services' as const, message: `the merged key policy is ${bytes} bytes, over KMS's ${KEY_POLICY_MAX_BYTES}-byte limit`, hint: 'Drop kept statements that are no longer needed (--drop SID)' }]
    : [];
  // build() already warns when the generated part alone is too large.
  const buildWarnings = build.warnings.filter((w) => !/the key policy is \d+ bytes/.test(w.message));
  return ok({ result: { ...build, keyPolicy, warnings: [...buildWarnings, ...size] }, source: current.name, fates, access, warnings });
}
