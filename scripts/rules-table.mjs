#!/usr/bin/env node
// Writes README.md's lint rule table from the rule files (src/core/lint/rules/*.ts, src/core/iac/notes.ts), between
// <!-- rules:start --> and <!-- rules:end -->, so a rule's code, severity and title cannot drift
// from what `lint` reports. `--check` exits 1 when README.md differs instead of writing it.
// test/unit/architecture/readme-rules.test.ts checks the table against the rule registry itself.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dir = join(root, 'src/core/lint/rules');
const START = '<!-- rules:start -->';
const END = '<!-- rules:end -->';

/** One string literal's value: '...' or "..." (with \' and \" escapes). */
const literal = (src, name) => {
  const m = new RegExp(`\\b${name}:\\s*(?:'((?:[^'\\\\]|\\\\.)*)'|"((?:[^"\\\\]|\\\\.)*)")`).exec(src);
  return m ? (m[1] ?? m[2]).replace(/\\(.)/g, '$1') : undefined;
};

/** The rule files: every lint rule, and the infrastructure-file notes (KW9xx). */
const SOURCES = [
  ...readdirSync(dir).filter((n) => n.endsWith('.ts') && n !== 'index.ts').map((n) => join(dir, n)),
  join(root, 'src/core/iac/notes.ts'),
];

export function ruleRows() {
  const rows = [];
  for (const file of SOURCES) {
    // A file may define several rules: each object runs from its `code:` to the next one.
    const parts = readFileSync(file, 'utf8').split(/(?=\bcode:\s*')/).slice(1);
    for (const part of parts) {
      const code = literal(part, 'code');
      if (code?.startsWith('KW')) rows.push({ code, severity: literal(part, 'severity'), title: literal(part, 'title') });
    }
  }
  return rows.sort((a, b) => a.code.localeCompare(b.code));
}

export function rulesTable(rows = ruleRows()) {
  const cell = (s) => String(s).replace(/\|/g, '\\|');
  return ['| code | severity | what it finds |', '| --- | --- | --- |', ...rows.map((r) => `| ${r.code} | ${r.severity} | ${cell(r.title)} |`)].join('\n');
}

const readme = join(root, 'README.md');
const text = readFileSync(readme, 'utf8');
const at = text.indexOf(START);
const end = text.indexOf(END);
if (at < 0 || end < at) {
  console.error(`README.md has no ${START} ... ${END} markers around the rule table`);
  process.exit(2);
}
const next = `${text.slice(0, at + START.length)}\n${rulesTable()}\n${text.slice(end)}`;
if (process.argv.includes('--check')) {
  if (next !== text) {
    console.error('README.md rule table differs from the rule files: run node scripts/rules-table.mjs');
    process.exit(1);
  }
} else if (next !== text) writeFileSync(readme, next);
