// README's rule table is written by scripts/rules-table.mjs; this checks it against the rule
// registry lint itself uses, so a severity or title cannot drift (it once called KW602 a warning).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CROSS_RULES, DOCUMENT_RULES, PARSE_RULES } from '../../../src/core/lint/rules/index.js';
import { IAC_RULES } from '../../../src/core/iac/notes.js';

const ROOT = join(import.meta.dirname, '../../..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

describe("README's rule table", () => {
  it('lists every rule lint reports, with its severity and title, and nothing else', () => {
    const table = readme.slice(readme.indexOf('<!-- rules:start -->'), readme.indexOf('<!-- rules:end -->'));
    const rows = [...table.matchAll(/^\| (KW\d{3}) \| (\w+) \| (.*) \|$/gm)].map((m) => ({ code: m[1], severity: m[2], title: m[3]!.replace(/\\\|/g, '|') }));
    const rules = [...PARSE_RULES, ...DOCUMENT_RULES, ...CROSS_RULES, ...IAC_RULES]
      .map((r) => ({ code: r.code, severity: r.severity, title: r.title }))
      .sort((a, b) => a.code.localeCompare(b.code));
    expect(rows).toEqual(rules);
    expect(rows.find((r) => r.code === 'KW602')?.severity).toBe('error');
  });
  it('is what scripts/rules-table.mjs writes (--check passes)', () => {
    expect(() => execFileSync(process.execPath, [join(ROOT, 'scripts/rules-table.mjs'), '--check'], { stdio: 'pipe' })).not.toThrow();
  });
});
