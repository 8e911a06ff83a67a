// Issue 3: lint never crashes on arbitrary JSON (thousands of generated
// documents) and always returns well-formed findings.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { lintFiles, lintPolicyText, RULES, type LintedFile } from '../../../src/core/lint/index.js';
import { ACCOUNT, iamPolicy, iamUse, KEY_ARN, keyPolicy, use } from './fixtures.js';

const SEVERITY = new Map(RULES.map((r) => [r.code, r.severity]));

/** Resolves an RFC 6901 pointer in a parsed document; undefined when it names nothing. */
function resolvePointer(doc: unknown, pointer: string): { found: boolean } {
  if (pointer === '') return { found: true };
  let cur: unknown = doc;
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (cur === null || typeof cur !== 'object' || !Object.prototype.hasOwnProperty.call(cur, seg)) return { found: false };
    cur = (cur as Record<string, unknown>)[seg];
  }
  return { found: true };
}

function checkWellFormed(file: LintedFile, text: string) {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).length;
  for (const f of file.findings) {
    expect(SEVERITY.get(f.code), f.code).toBe(f.severity);
    expect(typeof f.message).toBe('string');
    expect(f.message.length).toBeGreaterThan(10);
    expect(Number.isInteger(f.line) && f.line >= 1 && f.line <= lines, `line ${f.line} of ${lines}`).toBe(true);
    expect(Number.isInteger(f.column) && f.column >= 1).toBe(true);
    expect(f.pointer === '' || f.pointer.startsWith('/')).toBe(true);
    if (file.document !== undefined) expect(resolvePointer(file.document, f.pointer).found, f.pointer).toBe(true);
  }
}

const ELEMENT_NAMES = ['Version', 'Statement', 'Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition', 'Pricipal', 'Actions', 'Effects', 'Id'];
const STRINGS = fc.oneof(
  fc.constantFrom('*', 'Allow', 'Deny', 'kms:Decrypt', 'kms:*', 'kms:Gen*', 'kms:Encrpyt', 'Decrypt', '', ACCOUNT, `arn:aws:iam::${ACCOUNT}:root`,
    `arn:aws:iam::${ACCOUNT}:group/g`, KEY_ARN, `arn:aws:kms:us-east-1:${ACCOUNT}:alias/a`, 'secretsmanager.us-east-1.amazonaws.com', 'ebs.amazonaws.com.cn',
    'StringEquals', 'ForAllValues:StringLike', 'kms:ViaService', 'kms:CallerAccount', 'kms:EncryptionContext:k', 'aws:SourceArn', 'awws:x', 'AWS', 'Service', '2012-10-17'),
  fc.string(),
);
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small' }, STRINGS, fc.integer(), fc.boolean(), fc.constant(null), fc.array(tie('v'), { maxLength: 4 }), fc.dictionary(fc.oneof(STRINGS, fc.constantFrom(...ELEMENT_NAMES)), tie('v'), { maxKeys: 5 })),
})).v;
/** Policy-shaped documents: known and misspelled element names with arbitrary values. */
const policyLike = fc.record({
  Version: fc.oneof(fc.constant('2012-10-17'), value),
  Statement: fc.oneof(
    fc.array(fc.dictionary(fc.constantFrom(...ELEMENT_NAMES), fc.oneof(STRINGS, value), { maxKeys: 8 }), { maxLength: 5 }),
    value,
  ),
}, { requiredKeys: [] });

describe('lint never throws and returns well-formed findings (fuzz)', () => {
  test('arbitrary JSON documents', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 'key' as const, 'iam' as const), (doc, type) => {
        const text = JSON.stringify(doc) ?? 'null';
        checkWellFormed(lintPolicyText(text, type ? { type } : {}), text);
      }),
      { numRuns: 2000 },
    );
  });

  test('policy-shaped documents with random elements and values', () => {
    fc.assert(
      fc.property(policyLike, fc.constantFrom(undefined, 'key' as const, 'iam' as const), (doc, type) => {
        const text = JSON.stringify(doc, null, 2);
        checkWellFormed(lintPolicyText(text, type ? { type } : {}), text);
      }),
      { numRuns: 2000 },
    );
  });

  test('valid policies with random edits to their text (syntax errors, junk, control characters)', () => {
    const base = [keyPolicy(use()), iamPolicy(iamUse())];
    const edit = fc.record({ at: fc.nat(), del: fc.nat(5), ins: fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('\u0000', '\uFFFD', '{', '"', ',', '\r', '\uD800')) });
    fc.assert(
      fc.property(fc.constantFrom(...base), fc.array(edit, { minLength: 1, maxLength: 4 }), (text, edits) => {
        let t = text;
        for (const e of edits) {
          const at = e.at % (t.length + 1);
          t = t.slice(0, at) + e.ins + t.slice(at + e.del);
        }
        checkWellFormed(lintPolicyText(t), t);
      }),
      { numRuns: 1500 },
    );
  });

  test('several documents at once, with any --key-arn string', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(policyLike, fc.constant(JSON.parse(keyPolicy(use())))), { minLength: 1, maxLength: 4 }), fc.oneof(fc.constant(KEY_ARN), fc.string()), (docs, keyArn) => {
        const inputs = docs.map((d, i) => ({ name: `f${i}.json`, text: JSON.stringify(d, null, 1) }));
        const results = lintFiles(inputs, { keyArn });
        expect(results.map((r) => r.name)).toEqual(inputs.map((i) => i.name));
        results.forEach((r, i) => checkWellFormed(r, inputs[i]!.text));
      }),
      { numRuns: 500 },
    );
  });

  test('binary junk and huge input give a finding, not a crash', () => {
    const junk = String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => (i * 7919) % 65_536).filter((c) => c < 0xd800 || c > 0xdfff));
    expect(lintPolicyText(junk).findings.map((f) => f.code)).toEqual(['KW001']);
    const huge = `{"Version": "2012-10-17", "Statement": [${'{"Effect":"Allow"},'.repeat(20_000)}{}]}`;
    expect(lintPolicyText(huge).findings.map((f) => f.code)).toEqual(['KW003']);
    const deep = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
    expect(lintPolicyText(deep).findings.map((f) => f.code)).toEqual(['KW003']);
    expect(lintPolicyText(`${'{"a":'.repeat(30_000)}1${'}'.repeat(30_000)}`).findings.map((f) => f.code)).toEqual(['KW003']);
  });
});
