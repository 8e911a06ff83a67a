// Reads `aws kms get-key-policy --key-id K --policy-name default` output
// ("GetKeyPolicy", https://docs.aws.amazon.com/kms/latest/APIReference/API_GetKeyPolicy.html:
// {"Policy": "<the key policy as a JSON string>", "PolicyName": "default"}),
// or the bare policy document.
import { ExportError } from './export-error.js';
import { isObject, parseExportValue } from './json-text.js';
import { readPolicyValue } from './policy-text.js';

export function readKeyPolicy(file: string, textValue: string): Record<string, unknown> {
  const value = parseExportValue(file, textValue);
  if (!isObject(value)) throw new ExportError(file, '(file)', 'expected the output of aws kms get-key-policy ({"Policy": "..."}) or a key policy document');
  if ('Statement' in value) return value;
  if ('Policy' in value) {
    if (typeof value.Policy !== 'string' && !isObject(value.Policy)) throw new ExportError(file, 'Policy', 'expected the key policy as a JSON string');
    const doc = readPolicyValue(file, 'Policy', value.Policy);
    if (!('Statement' in doc)) throw new ExportError(file, 'Policy', 'the key policy has no Statement');
    return doc;
  }
  throw new ExportError(file, '(file)', 'neither a key policy (no Statement) nor aws kms get-key-policy output (no Policy)');
}
