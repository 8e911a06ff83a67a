import { describe, expect, it } from 'vitest';
import { safeLines, safeText } from '../../../src/core/terminal-safe.js';

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
});
