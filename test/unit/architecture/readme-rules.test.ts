// The rule tables of README.md and docs/rules.md are written by scripts/rules-table.mjs
// (npm run docs:rules); this checks each against the rule registry lint itself uses, so a
// severity or title cannot drift (the README once called KW602 a warning; lint reports an error).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CROSS_RULES, DOCUMENT_RULES, PARSE_RULES } from '../../../src/core/lint/rules/index.js';
import { IAC_RULES } from '../../../src/core/iac/notes.js';
import { lintPolicyText } from '../../../src/core/lint/index.js';
// @ts-expect-error: a build script in plain JavaScript, without type declarations
import { withTable } from '../../../scripts/rules-table.mjs';

const ROOT = join(import.meta.dirname, '../../..');

/** The rows between a file's <!-- rules:start --> and <!-- rules:end --> markers. */
function tableRows(file: string) {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const table = text.slice(text.indexOf('<!-- rules:start -->'), text.indexOf('<!-- rules:end -->'));
  return [...table.matchAll(/^\| (KW\d{3}) \| (\w+) \| (.*) \|$/gm)].map((m) => ({ code: m[1], severity: m[2], title: m[3]!.replace(/\\\|/g, '|') }));
}

describe.each(['README.md', 'docs/rules.md'])("%s's rule table", (file) => {
  it('lists every rule lint reports, with its severity and title, and nothing else', () => {
    const rules = [...PARSE_RULES, ...DOCUMENT_RULES, ...CROSS_RULES, ...IAC_RULES]
      .map((r) => ({ code: r.code, severity: r.severity, title: r.title }))
      .sort((a, b) => a.code.localeCompare(b.code));
    const rows = tableRows(file);
    expect(rows).toEqual(rules);
    expect(rows.find((r) => r.code === 'KW602')?.severity).toBe('error');
  });

  it('gives KW602 the severity lint reports on a root kms:* statement beside a kms:ViaService one', () => {
    const text = readFileSync(join(ROOT, 'test/corpus/files/m16-root-bypass-star-principal.json'), 'utf8');
    const reported = lintPolicyText(text).findings.find((f) => f.code === 'KW602');
    expect(reported).toBeDefined();
    expect(tableRows(file).find((r) => r.code === 'KW602')?.severity).toBe(reported!.severity);
  });
});

describe('scripts/rules-table.mjs', () => {
  it('--check passes: both tables are what it writes', () => {
    expect(() => execFileSync(process.execPath, [join(ROOT, 'scripts/rules-table.mjs'), '--check'], { stdio: 'pipe' })).not.toThrow();
  });

  it('rewrites only the table between the markers, and refuses a file without them', () => {
    const drifted = 'intro\n<!-- rules:start -->\n| KW602 | warning | old |\n<!-- rules:end -->\nafter\n';
    expect(withTable('x.md', drifted, '| T |')).toBe('intro\n<!-- rules:start -->\n| T |\n<!-- rules:end -->\nafter\n');
    expect(() => withTable('docs/rules.md', 'no markers')).toThrow(/docs\/rules\.md has no <!-- rules:start -->/);
  });
});
