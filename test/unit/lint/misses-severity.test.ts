// Issue 18: "Severity follows consequence: what opens the key wider than
// written, or silently denies what a statement exists to allow, is an error
// (CI fails on it); a style preference is info."
import { describe, expect, test } from 'vitest';
import { RULES } from '../../../src/core/lint/index.js';

const severity = (code: string) => RULES.find((r) => r.code === code)?.severity;

describe('rules whose finding means a statement silently does nothing are errors', () => {
  test.each([
    ['KW108', 'key policy statement without Resource: accepted, no effect (PutKeyPolicy API reference)'],
    ['KW402', '"*" limited by kms:ViaService alone: every account can use the key through the service (AWS KMS condition keys, kms:CallerAccount)'],
    ['KW410', 'logs.amazonaws.com: CloudWatch Logs calls KMS as logs.REGION.amazonaws.com'],
    ['KW702', 'an IAM action the key policy never lets IAM grant (Default key policy)'],
    ['KW703', 'a key policy that gives IAM policies no role (Default key policy)'],
    ['KW113', 'a duplicated name: AWS keeps the last copy (RFC 7159, IAM policy grammar)'],
    ['KW505', 'KMS actions on a resource that is not a key'],
    ['KW507', 'a key policy action the key type cannot perform (Key type reference)'],
    ['KW705', 'an IAM action the key type cannot perform (Key type reference)'],
  ])('%s: %s', (code) => {
    expect(severity(code)).toBe('error');
  });
});

describe('a dead action in a statement that otherwise works is a warning', () => {
  // AWS's own CloudWatch Logs key-policy example (encrypt-log-data-kms.html) puts kms:Describe*
  // under the logs encryption context; KW316 stays the error for a statement that can never match.
  test('KW314', () => {
    expect(severity('KW314')).toBe('warning');
    expect(severity('KW316')).toBe('error');
  });
});

describe('style and least-privilege notes stay info', () => {
  test.each(['KW203', 'KW308', 'KW112'])('%s', (code) => {
    expect(severity(code)).toBe('info');
  });
});
