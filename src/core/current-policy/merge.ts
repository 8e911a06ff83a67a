// The key policy `generate --from` writes: the generated statements first,
// then every kept statement of the current policy, unchanged and in its
// original order. Running --from on that output with the same answers
// replaces the generated statements (their Sids say so) and keeps the rest
// in the same order, so it gives the same bytes again.
import { POLICY_VERSION, type PolicyDocument, type Statement } from '../policy.js';
import { isPlainObject } from '../evaluate/policy-document.js';
import { fail, ok, type Result } from '../result.js';
import type { Fates } from './fates.js';
import type { CurrentPolicy } from './read-current.js';

/**
 * Merges. Fails when a kept statement has the Sid of a generated one (a Sid
 * must be unique in a key policy): the message says which and how to resolve it.
 */
export function mergeKeyPolicy(generated: PolicyDocument, current: CurrentPolicy, fates: Fates): Result<PolicyDocument, string[]> {
  const kept = fates.statements.filter((f) => f.fate === 'kept');
  const generatedSids = new Set(generated.Statement.map((s) => s.Sid).filter((s): s is string => s !== undefined));
  const errors = kept
    .filter((f) => f.sid !== undefined && generatedSids.has(f.sid))
    .map((f) => `statement #${f.index} "${f.sid}" is kept, but the generated policy has a statement with the same Sid; drop it (--drop '#${f.index}') or rename its Sid in the file`);
  if (errors.length > 0) return fail(errors);
  const id = isPlainObject(current.document) && typeof current.document.Id === 'string' ? { Id: current.document.Id } : {};
  // Kept statements are the file's own values, written back as they are (not re-typed).
  const statements = [...generated.Statement, ...kept.map((f) => f.statement as Statement)];
  return ok({ Version: POLICY_VERSION, ...id, Statement: statements });
}
