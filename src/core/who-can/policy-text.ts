// Policy documents inside exports. The AWS CLI decodes them into JSON
// objects; the IAM API returns them URL-encoded (RFC 3986) strings
// ("GetAccountAuthorizationDetails", https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html:
// "Policies returned by this operation are URL-encoded"); KMS and
// Organizations return them as plain JSON strings (GetKeyPolicy "Policy",
// DescribePolicy "Content"). Every form is accepted.
import { ExportError } from './export-error.js';
import { isObject } from './json-text.js';

/** A policy document: a JSON object, a JSON string, or a URL-encoded JSON string. */
export function readPolicyValue(file: string, field: string, value: unknown): Record<string, unknown> {
  if (isObject(value)) return value;
  if (typeof value !== 'string') throw new ExportError(file, field, `expected a policy document (a JSON object or a JSON string), found ${value === undefined ? 'nothing' : Array.isArray(value) ? 'a list' : typeof value}`);
  let text = value.trim();
  if (text.startsWith('%7B') || text.startsWith('%7b') || (!text.startsWith('{') && text.includes('%'))) {
    try {
      text = decodeURIComponent(text);
    } catch {
      throw new ExportError(file, field, 'the policy looks URL-encoded but does not decode (a % not followed by two hex digits)');
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new ExportError(file, field, `the policy is not JSON (${(err as Error).message})`);
  }
  if (!isObject(parsed)) throw new ExportError(file, field, 'the policy is JSON but not an object with a Statement list');
  return parsed;
}
