import { describe, expect, it, test } from 'vitest';
import { jsonText, safeLines, safeText } from '../../../src/core/terminal-safe.js';

describe('safeText', () => {
  it('shows an OSC title sequence and cursor movement as visible escapes', () => {
    expect(safeText('Sid\u001b]0;pwned\u0007')).toBe('Sid\\u001b]0;pwned\\u0007');
    expect(safeText('\u001b[1A\u001b[2K')).toBe('\\u001b[1A\\u001b[2K');
  });
  it('escapes line breaks, DEL, C1 controls and bidi overrides', () => {
    expect(safeText('a\nb\r\tc')).toBe('a\\u000ab\\u000d\\u0009c');
    expect(safeText('\u007f\u0085\u009b')).toBe('\\u007f\\u0085\\u009b');
    expect(safeText('x\u202ey\u2066z\u200b')).toBe('x\\u202ey\\u2066z\\u200b');
  });
  it('leaves printable ASCII, Latin-1 and other visible text alone', () => {
    const s = 'Allow use of the key: é ü ✓ “quoted” kms:*';
    expect(safeText(s)).toBe(s);
  });
});

describe('safeLines', () => {
  it('keeps the line breaks of a message and escapes everything else in each line', () => {
    expect(safeLines('cannot read a\u001b[2K.json\nsecond\u009b line')).toBe('cannot read a\\u001b[2K.json\nsecond\\u009b line');
  });
  it('escapes a carriage return, which could overwrite the start of a line', () => {
    expect(safeLines('ok\rfake')).toBe('ok\\u000dfake');
  });
  it('escapes every code point but the line feed as safeText does, line by line (one pass over the whole text)', () => {
    // Every BMP code point (lone surrogates included) and the astral ranges with Cf and ignorable characters.
    const points = [...Array.from({ length: 0x10000 }, (_, i) => i), ...Array.from({ length: 0x200 }, (_, i) => 0xe0000 + i), 0x1d173, 0x1f600, 0x10ffff];
    const text = points.map((p) => String.fromCodePoint(p)).join('') + '\n\u001b[2K\n';
    const expected = text.split('\n').map(safeText).join('\n');
    expect(safeLines(text)).toBe(expected);
    expect(expected).not.toBe(text);
  });
});

describe('the invisible and direction-changing classes (Default_Ignorable_Code_Point, Bidi_Control, Cc, Cf, Zl, Zp)', () => {
  test.each([
    ['U+2060 word joiner', '\u2060', '\\u2060'],
    ['U+FEFF byte order mark', '\ufeff', '\\ufeff'],
    ['U+061C Arabic letter mark', '\u061c', '\\u061c'],
    ['U+2028 line separator', '\u2028', '\\u2028'],
    ['U+2029 paragraph separator', '\u2029', '\\u2029'],
    ['U+00AD soft hyphen', '\u00ad', '\\u00ad'],
    ['U+180E Mongolian vowel separator', '\u180e', '\\u180e'],
    ['U+3164 Hangul filler', '\u3164', '\\u3164'],
    ['U+E0041 tag latin capital A', '\u{E0041}', '\\udb40\\udc41'],
    ['U+E007F cancel tag', '\u{E007F}', '\\udb40\\udc7f'],
    ['U+0085 next line', '\u0085', '\\u0085'],
  ])('%s is shown as an escape', (_name, c, shown) => {
    expect(safeText(`arn:aws:iam::111122223333:${c}root`)).toBe(`arn:aws:iam::111122223333:${shown}root`);
  });

  test('letters of any script, emoji without joiners, and spaces stay as they are', () => {
    expect(safeText('Schlüssel ключ 鍵 🔑 a b')).toBe('Schlüssel ключ 鍵 🔑 a b');
  });

  test('jsonText: still JSON with the same values, and no C1, bidi or invisible character raw', () => {
    const value = { sid: 'a\u009b2K\u202e\u2060\u{E0041}\u2028', n: [1, 'x'] };
    const text = jsonText(value);
    expect(JSON.parse(text)).toEqual(value);
    expect(text).not.toMatch(/[\u0080-\u009f\u202e\u2060\u2028]|\udb40/u);
    expect(text).toContain('\\u009b2K\\u202e\\u2060\\udb40\\udc41\\u2028');
  });
});
