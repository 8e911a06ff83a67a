// Findings say where: 1-based line and column of the value (or of a wrong
// name), and a JSON pointer into the document.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { detectKind, lintFiles, lintPolicyText } from '../../../src/core/lint/index.js';
import { keyPolicy, use } from './fixtures.js';

/** Line and column (1-based) of the first occurrence of `needle`. */
function at(text: string, needle: string) {
  const offset = text.indexOf(needle);
  expect(offset).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

describe('positions', () => {
  test('invalid JSON: the syntax error is a KW001 at its line and column', () => {
    const text = readFileSync(new URL('../../fixtures/lint/trailing-comma.json', import.meta.url), 'utf8');
    const r = lintPolicyText(text);
    expect(r.kind).toBeUndefined();
    expect(r.findings).toHaveLength(1);
    const comma = at(text, ',}');
    // The error is reported at the closing brace that follows the comma.
    expect(r.findings[0]).toMatchObject({ code: 'KW001', severity: 'error', pointer: '', line: comma.line, column: comma.column + 1 });
    expect(r.findings[0]!.message).toContain('trailing comma');
  });

  test('a value finding points at the value, with its pointer', () => {
    const text = keyPolicy(use({ Action: ['kms:Decrypt', 'kms:Encrpyt'] }));
    const f = lintPolicyText(text).findings.find((x) => x.code === 'KW201')!;
    expect(f).toMatchObject({ pointer: '/Statement/1/Action/1', ...at(text, '"kms:Encrpyt"') });
    expect(f.message).toContain('did you mean "kms:Encrypt"');
  });

  test('a wrong name points at the name; pointers escape "/" and "~" (RFC 6901)', () => {
    const text = keyPolicy(use({ Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.us-east-1.amazonaws.com', 'kms:CallerAccount': '111122223333', 'aws:ResourceTag/a~b': 'x' }, StringEqual: { 'kms:ViaService': 'x' } } }));
    const r = lintPolicyText(text);
    const op = r.findings.find((x) => x.code === 'KW301')!;
    expect(op).toMatchObject({ pointer: '/Statement/1/Condition/StringEqual', ...at(text, '"StringEqual"') });
    const doc = lintPolicyText(keyPolicy(use({ Condition: { 'ForAnyValue:StringEquals': { 'aws:ResourceTag/a~b': 'x' }, StringEquals: { 'kms:ViaService': 'secretsmanager.us-east-1.amazonaws.com', 'kms:CallerAccount': '111122223333' } } })));
    const tag = doc.findings.find((x) => x.code === 'KW310')!;
    expect(tag.pointer).toBe('/Statement/1/Condition/ForAnyValue:StringEquals/aws:ResourceTag~1a~0b');
  });

  test('CRLF and CR line endings count as one line break; a byte-order mark does not shift columns', () => {
    const lf = keyPolicy(use({ Action: ['kms:Encrpyt'] }));
    const want = lintPolicyText(lf).findings.map((f) => [f.code, f.line, f.column]);
    expect(lintPolicyText(lf.replace(/\n/g, '\r\n')).findings.map((f) => [f.code, f.line, f.column])).toEqual(want);
    expect(lintPolicyText(lf.replace(/\n/g, '\r')).findings.map((f) => [f.code, f.line, f.column])).toEqual(want);
    expect(lintPolicyText(`\uFEFF${lf}`).findings.map((f) => [f.code, f.line, f.column])).toEqual(want);
  });

  test('findings are sorted by position; lintFiles names the file, lintPolicyText does not', () => {
    const text = keyPolicy(use({ Action: ['kms:Encrpyt', 'Decrypt'], Effect: 'allow' }));
    const single = lintPolicyText(text).findings;
    const positions = single.map((f) => f.line * 10_000 + f.column);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(single.every((f) => f.file === undefined)).toBe(true);
    const [named] = lintFiles([{ name: 'policies/key.json', text }]);
    expect(named!.findings.every((f) => f.file === 'policies/key.json')).toBe(true);
  });

  test('document is the parsed JSON', () => {
    const text = keyPolicy(use());
    expect(lintPolicyText(text).document).toEqual(JSON.parse(text));
  });
});

describe('kind detection', () => {
  const iamText = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' }] });
  test('a Principal (or a misspelling of it) makes a key policy; none makes an IAM policy', () => {
    expect(lintPolicyText(keyPolicy(use())).kind).toBe('key');
    expect(lintPolicyText(iamText).kind).toBe('iam');
    const typo = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Pricipal: { AWS: '111122223333' }, Action: 'kms:*', Resource: '*' }] });
    expect(lintPolicyText(typo).kind).toBe('key');
    expect(detectKind([])).toBe('iam');
  });

  test('type forces the kind', () => {
    expect(lintPolicyText(iamText, { type: 'key' }).kind).toBe('key');
    expect(lintPolicyText(iamText, { type: 'key' }).findings.map((f) => f.code)).toContain('KW105');
  });
});
