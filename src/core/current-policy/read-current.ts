// Reading a key's current key policy, as `aws kms get-key-policy --key-id ARN
// --policy-name default --query Policy --output text` prints it: one JSON
// document, which is untrusted input (it may be anything, or not JSON at all).
//
// GetKeyPolicy answers with two members, Policy and PolicyName (KMS API
// reference, GetKeyPolicy). Without --query Policy the CLI's text output is the
// policy followed by a tab and "default", and its JSON output wraps the policy
// in a string; both are read too, since a user may well have saved either.
import { LineIndex, parseJson, tooDeepAt } from '../lint/json-tree.js';
import { MAX_NESTING } from '../lint/rules/too-large-to-lint.js';
import { isPlainObject } from '../evaluate/policy-document.js';
import { fail, ok, type Result } from '../result.js';

/** A key policy read from a file: the document and its statements, exactly as written. */
export interface CurrentPolicy {
  /** How messages name it: the file name, or `<stdin>`. */
  readonly name: string;
  readonly document: Readonly<Record<string, unknown>>;
  /** The Statement element as a list (a single statement object becomes a list of one). */
  readonly statements: readonly unknown[];
}

/** Why a file cannot be used as the current key policy; line and column when the text is not JSON. */
export interface CurrentPolicyError {
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

/** "file:line:column: message" (or "file: message"), the form editors and CI jump to. */
export function formatCurrentPolicyError(name: string, e: CurrentPolicyError): string {
  return e.line !== undefined ? `${name}:${e.line}:${e.column}: ${e.message}` : `${name}: ${e.message}`;
}

function hasPrincipal(statement: unknown): boolean {
  return isPlainObject(statement) && (Object.hasOwn(statement, 'Principal') || Object.hasOwn(statement, 'NotPrincipal'));
}

/**
 * Parses the text of a key policy. Refuses, with a reason a user can act on:
 * text that is not strict JSON (with line and column), a JSON value that is
 * not a policy document, and an IAM policy (no Principal anywhere: every key
 * policy statement names one [key-policy-overview]).
 */
export function readCurrentPolicy(name: string, rawText: string): Result<CurrentPolicy, CurrentPolicyError> {
  // Editors on Windows may save a byte-order mark; it is not part of the JSON.
  const withoutBom = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  // `--output text` without `--query Policy`: "{...}<TAB>default". Only the tail is cut, so positions stay.
  const text = withoutBom.replace(/(\})[ \r\n]*\t[A-Za-z0-9_]+\s*$/, '$1\n');
  const lines = new LineIndex(text);
  const at = (offset: number, message: string): CurrentPolicyError => ({ message, ...lines.position(offset) });
  const deep = tooDeepAt(text, MAX_NESTING);
  if (deep !== undefined) return fail(at(deep, `nested more than ${MAX_NESTING} levels deep: not a policy document`));
  const parsed = parseJson(text);
  if (!parsed.ok) return fail(at(parsed.problem.offset, `invalid JSON: ${parsed.problem.message}`));
  // JSON.parse, not the tree's values: it keeps a "__proto__" member as data.
  const document: unknown = JSON.parse(text);
  if (!isPlainObject(document)) {
    return fail(at(parsed.root.offset, `a key policy is a JSON object with a Statement list, not ${Array.isArray(document) ? 'a list' : typeof document}`));
  }
  // `--output json` without `--query Policy`: {"Policy": "<the policy as a string>", "PolicyName": "default"}.
  if (!Object.hasOwn(document, 'Statement') && typeof document.Policy === 'string' && Object.keys(document).every((k) => k === 'Policy' || k === 'PolicyName')) {
    const inner = readCurrentPolicy(name, document.Policy);
    if (inner.ok) return inner;
    return fail({ ...inner.error, line: undefined, column: undefined, message: `the Policy member (aws kms get-key-policy's JSON output) is not a key policy: ${inner.error.message}` });
  }
  if (!Object.hasOwn(document, 'Statement')) {
    return fail({ message: 'no Statement element: this is not a key policy (expected {"Version": "2012-10-17", "Statement": [...]})' });
  }
  const raw = document.Statement;
  const statements = Array.isArray(raw) ? raw : [raw];
  if (statements.length > 0 && !statements.some(hasPrincipal)) {
    return fail({
      message:
        'not a key policy: no statement names a Principal, so this looks like an IAM policy. ' +
        'Give the key policy, as printed by: aws kms get-key-policy --key-id KEY_ARN --policy-name default --query Policy --output text',
    });
  }
  return ok({ name, document, statements });
}
