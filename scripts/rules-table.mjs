#!/usr/bin/env node
// Writes the lint rule table of README.md and docs/rules.md from the rule files
// (src/core/lint/rules/*.ts, src/core/iac/notes.ts), between <!-- rules:start --> and
// <!-- rules:end -->, so a rule's code, severity and title cannot drift from what `lint`
// reports (`npm run docs:rules`). `--check` writes nothing and exits 1 when either file differs.
// test/unit/architecture/readme-rules.test.ts checks both tables against the rule registry itself.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
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

/** The files that carry the table, relative to the repository root. */
export const TABLE_FILES = ['README.md', 'docs/rules.md'];

/** The file's text with the table between its markers rewritten; an error naming the file when the markers are missing. */
export function withTable(name, text, table = rulesTable()) {
  const at = text.indexOf(START);
  const end = text.indexOf(END);
  if (at < 0 || end < at) throw new Error(`${name} has no ${START} ... ${END} markers around the rule table`);
  return `${text.slice(0, at + START.length)}\n${table}\n${text.slice(end)}`;
}

function main() {
  const check = process.argv.includes('--check');
  const table = rulesTable();
  const stale = [];
  for (const name of TABLE_FILES) {
    const file = join(root, name);
    const text = readFileSync(file, 'utf8');
    let next;
    try {
      next = withTable(name, text, table);
    } catch (err) {
      console.error(err.message);
      process.exit(2);
    }
    if (next === text) continue;
    if (check) stale.push(name);
    else writeFileSync(file, next);
  }
  if (stale.length) {
    console.error(`The rule table of ${stale.join(' and ')} differs from the rule files: run npm run docs:rules`);
    process.exit(1);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
