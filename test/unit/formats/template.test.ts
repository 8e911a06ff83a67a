import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fillTemplate, finishFile, loadTemplate } from '../../../src/output/formats/template.js';

describe('fillTemplate', () => {
  it('replaces inline placeholders', () => {
    expect(fillTemplate('a {{x}} b {{y}}', { x: '1', y: '2' })).toBe('a 1 b 2');
  });

  it('indents a multi-line value by the indentation of its placeholder line, blank lines left blank', () => {
    expect(fillTemplate('k:\n  {{block}}\nend', { block: 'one\n\ntwo' })).toBe('k:\n  one\n\n  two\nend');
  });

  it('drops the line of a block placeholder whose value is empty', () => {
    expect(fillTemplate('a\n  {{opt}}\nb', { opt: '' })).toBe('a\nb');
  });

  it('inserts values as they are, never as template text', () => {
    expect(fillTemplate('{{x}}', { x: '{{y}}' })).toBe('{{y}}');
  });

  it('throws on a placeholder without a value and on a value without a placeholder', () => {
    expect(() => fillTemplate('{{x}}', {})).toThrow(/\{\{x\}\} has no value/);
    expect(() => fillTemplate('a', { x: '1' })).toThrow(/no placeholder for \{\{x\}\}/);
  });
});

describe('finishFile', () => {
  it('keeps at most one blank line in a row and ends with exactly one newline', () => {
    expect(finishFile('a\n\n\n\nb\n\n\n')).toBe('a\n\nb\n');
  });
});

describe('loadTemplate', () => {
  it('has every file of templates/ (compiled in at build time), byte for byte', () => {
    const root = fileURLToPath(new URL('../../../templates/', import.meta.url));
    const names = readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => `${e.parentPath.slice(root.length)}/${e.name}`.replace(/^\//, ''));
    expect(names.length).toBeGreaterThan(5);
    for (const n of names) expect(loadTemplate(n)).toBe(readFileSync(`${root}${n}`, 'utf8'));
    expect(() => loadTemplate('terraform/nope.tf')).toThrow(/no template terraform\/nope\.tf/);
  });
});
