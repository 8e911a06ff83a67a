import { getLocation } from 'jsonc-parser';
import { pointerSegment } from '../json-tree.js';
import type { DocumentRule } from '../types.js';

/**
 * KMS accepts a key policy only with tab, line feed, carriage return and the
 * characters U+0020 to U+00FF (printable ASCII, Basic Latin and Latin-1
 * Supplement): the Policy parameter of CreateKey and PutKeyPolicy
 * (https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateKey.html,
 * https://docs.aws.amazon.com/kms/latest/APIReference/API_PutKeyPolicy.html).
 * IAM's PolicyDocument pattern is the same range, [\u0009\u000A\u000D\u0020-\u00FF]+
 * (CreatePolicy, https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreatePolicy.html).
 * The check is on the text as written: a \u2713 escape is six ASCII
 * characters and passes, the character itself does not.
 */
const OUTSIDE = /[^\t\n\r\u0020-\u00ff]/gu;

/** More findings than this for one file add nothing: the fix is the same. */
const MAX_REPORTED = 10;

/** Plain replacements for the characters that slip in from word processors and chat. */
const REPLACEMENTS: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201c': "'", '\u201d': "'",
  '\u2013': '-', '\u2014': '-', '\u2192': '->', '\u2190': '<-', '\u2026': '...',
};

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

function fix(c: string): string {
  const plain = REPLACEMENTS[c];
  if (plain) return `write ${plain} instead`;
  if (/[\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/u.test(c)) return 'delete it (it is invisible)';
  return 'delete it or write it in plain ASCII';
}

export const characterNotAllowed: DocumentRule = {
  code: 'KW009',
  name: 'character-not-allowed',
  severity: 'error',
  title: 'Character KMS and IAM refuse in a policy (outside U+0020-U+00FF, tab, line feed, carriage return)',
  appliesTo: 'any',
  check(doc, report) {
    const found = [...doc.text.matchAll(OUTSIDE)];
    for (const [i, m] of found.entries()) {
      if (i === MAX_REPORTED) {
        report({ pointer: '', offset: m.index }, `${found.length - MAX_REPORTED} more characters outside U+0020-U+00FF follow; AWS refuses the policy until all are gone.`);
        break;
      }
      const c = m[0];
      const path = getLocation(doc.text, m.index).path;
      report(
        { pointer: path.map((s) => `/${pointerSegment(s)}`).join(''), offset: m.index },
        `"${c}" (${codePoint(c)}): AWS accepts only tab, line feed, carriage return and characters U+0020 to U+00FF in a policy ` +
          `(accented Latin letters such as é are fine), so CreateKey, PutKeyPolicy and IAM refuse this document. Fix: ${fix(c)}.`,
      );
    }
  },
};
