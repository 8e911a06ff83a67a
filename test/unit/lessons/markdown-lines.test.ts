import { describe, expect, it } from 'vitest';
import { inlineSpans, markdownLines } from '../../../src/lessons/markdown-lines.js';
import { codeChunks, lineText, wrapCode, wrapSpans, span } from '../../../src/lessons/styled-text.js';

const text = (md: string, width = 40) => markdownLines(md, width).map(lineText);

describe('markdownLines', () => {
  it('wraps paragraphs at the width, keeping inline code as its own tone', () => {
    const lines = markdownLines('A call made directly carries no `kms:ViaService` at all, so the condition fails.', 30);
    expect(lines.map(lineText)).toEqual(['A call made directly carries', 'no kms:ViaService at all, so', 'the condition fails.']);
    expect(lines[1]!.find((s) => s.text === 'kms:ViaService')?.tone).toBe('code');
    for (const l of lines) expect(lineText(l).length).toBeLessThanOrEqual(30);
  });

  it('indents list items and their continuation lines, and numbers stay numbers', () => {
    expect(text('- first item that is long enough to wrap around\n- second\n\n1. one\n2. two', 30)).toEqual([
      '• first item that is long', '  enough to wrap around', '• second', '', '1. one', '2. two',
    ]);
  });

  it('keeps code blocks verbatim (indented), and a "##" inside one is code, not a heading', () => {
    expect(text('Before:\n\n```json\n{"a": 1}\n## not a heading\n```\nAfter.')).toEqual(['Before:', '', '  {"a": 1}', '  ## not a heading', '', 'After.']);
  });

  it('lays out a table as aligned columns, or as "header: value" lines when too wide', () => {
    const md = '| Product | Name in ViaService |\n|---|---|\n| EBS | `ec2` |\n| OpenSearch | `es` |';
    expect(text(md, 40)).toEqual(['  Product      Name in ViaService', '  EBS          ec2', '  OpenSearch   es']);
    expect(text(md, 20)).toEqual(['• Product: EBS', '  Name in', '    ViaService: ec2', '• Product:', '    OpenSearch', '  Name in', '    ViaService: es']);
  });
});

describe('wrapping helpers', () => {
  it('wrapSpans keeps spaces inside a line and drops them at breaks', () => {
    expect(wrapSpans([span('› '), span('1. '), span('Allow this one please')], 12, '   ').map(lineText)).toEqual(['› 1. Allow', '   this one', '   please']);
  });
  it('wrapSpans never breaks between punctuation and inline code', () => {
    expect(text('decided by its own permissions (`secretsmanager:GetSecretValue`).', 40)).toEqual([
      'decided by its own permissions', '(secretsmanager:GetSecretValue).',
    ]);
  });
  it('wrapSpans cuts a word longer than the line', () => {
    expect(wrapSpans([span('arn:aws:kms:us-east-1:111122223333:key/x')], 16).map(lineText)).toEqual(['arn:aws:kms:us-e', 'ast-1:1111222233', '33:key/x']);
  });
  it('code wraps after a space and continues under its own indentation', () => {
    expect(codeChunks('"Action": ["kms:Create*", "kms:Describe*"],', 26)).toEqual(['"Action": ["kms:Create*",', '"kms:Describe*"],']);
    expect(wrapCode('    "Action": ["kms:Create*", "kms:Describe*"],', 30).map(lineText)).toEqual(['    "Action": ["kms:Create*",', '      "kms:Describe*"],']);
  });
  it('a list wrapped at 80 columns continues under its first element, where the next source line starts', () => {
    const source = [
      '          "Action": ["kms:CreateAlias", "kms:Describe*", "kms:Enable*", "kms:List*",',
      '                     "kms:Put*", "kms:Update*", "kms:Revoke*", "kms:Disable*",',
      '                     "kms:Get*", "kms:Delete*", "kms:TagResource", "kms:UntagResource",',
    ];
    const shown = source.flatMap((l) => wrapCode(l, 80)).map(lineText);
    expect(shown).toEqual([
      '          "Action": ["kms:CreateAlias", "kms:Describe*", "kms:Enable*",',
      '                     "kms:List*",',
      '                     "kms:Put*", "kms:Update*", "kms:Revoke*", "kms:Disable*",',
      '                     "kms:Get*", "kms:Delete*", "kms:TagResource",',
      '                     "kms:UntagResource",',
    ]);
  });
  it('brackets inside strings do not count, and a list opened too far right keeps the plain indent', () => {
    // Counted, the "[" in the Sid would push the continuation to column 13.
    expect(wrapCode('  "Sid": "a [b", "Action": "kms:Decrypt", "Resource": "*", "More": 1', 40).map(lineText)[1]).toBe('    "kms:Decrypt", "Resource": "*",');
    // Under the "[" at column 57 only 12 columns would be left.
    expect(wrapCode(`  "K": ${' '.repeat(50)}["kms:Create*", "kms:Describe*",`, 70).map(lineText)[1]).toBe('    ["kms:Create*", "kms:Describe*",');
  });
});

describe('inlineSpans keeps IAM wildcards as text', () => {
  const text = (s: string) => inlineSpans(s).map((p) => p.text).join('');
  it('does not read the stars of an ARN pattern as emphasis (lesson 12)', () => {
    expect(text('aws:SourceArn (ArnLike "arn:aws:config:*:111122223333:*") ties')).toBe('aws:SourceArn (ArnLike "arn:aws:config:*:111122223333:*") ties');
    expect(text('kms:Get* and kms:List* read')).toBe('kms:Get* and kms:List* read');
  });
  it('keeps inline code literal, stars included', () => {
    expect(inlineSpans('use `arn:aws:config:*:111122223333:*` here')).toContainEqual({ text: 'arn:aws:config:*:111122223333:*', tone: 'code' });
  });
  it('still shows *emphasis* and **bold** without their markers', () => {
    expect(text('an *important* word, (*this*) and **that**.')).toBe('an important word, (this) and that.');
  });
});
