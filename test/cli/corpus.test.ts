// The verdict corpus (test/corpus/): policies, templates and plans written
// after AWS documentation examples and after mistakes seen in public
// repositories, each with the verdict AWS's documentation gives it
// (test/corpus/README.md says how the verdicts were derived and what was left
// out). Run through the real built binary, as a user runs it:
// - "clean": lint reports no error, and none of the entry's `quiet` codes at
//   any severity (the false alarms each correct-but-tricky file once raised);
// - "error": lint exits 1 with at least one error, and each of `codes` as an error;
// - "warn": at least one warning or error, and each of `codes` at that level;
// and every command that reads a policy reads every corpus file: `explain`
// never answers "cannot read this file" (exit 2) for a file lint reads.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';

const DIR = 'test/corpus';

interface Entry {
  id: string;
  files: string[];
  verdict: 'clean' | 'error' | 'warn';
  why: string;
  documentation: string;
  codes?: string[];
  quiet?: string[];
  args?: string[];
  tricky?: boolean;
}

interface Finding {
  code: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
}

const { entries } = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8')) as { entries: Entry[] };

async function lint(entry: Entry): Promise<{ code: number | null; findings: Finding[]; raw: string }> {
  const r = await runCli(['lint', '--json', ...(entry.args ?? []), ...entry.files.map((f) => join(DIR, 'files', f))]);
  let findings: Finding[] = [];
  try {
    const report = JSON.parse(r.stdout) as { files: { findings: Finding[] }[] };
    findings = report.files.flatMap((f) => f.findings);
  } catch {
    // Not JSON: the assertions below show stdout and stderr.
  }
  return { code: r.code, findings, raw: r.stdout + r.stderr };
}

const show = (findings: Finding[]) => findings.map((f) => `${f.severity} ${f.code} ${f.message}`).join('\n');

describe('the corpus itself', () => {
  test('at least 60 entries, a third of them correct, every entry cites an AWS documentation page', () => {
    expect(entries.length).toBeGreaterThanOrEqual(60);
    expect(entries.filter((e) => e.verdict === 'clean').length).toBeGreaterThanOrEqual(entries.length / 3);
    for (const e of entries) expect(e.documentation, e.id).toMatch(/^https:\/\//);
  });
});

describe('lint gives each corpus file the verdict AWS documentation gives it', () => {
  for (const entry of entries) {
    test(`${entry.id} is ${entry.verdict}: ${entry.why} (${entry.documentation})`, async () => {
      const { code, findings, raw } = await lint(entry);
      const errors = findings.filter((f) => f.severity === 'error');
      if (entry.verdict === 'clean') {
        expect(errors, show(findings) || raw).toEqual([]);
        expect(code, raw).toBe(0);
        for (const quiet of entry.quiet ?? []) expect(findings.map((f) => f.code), show(findings)).not.toContain(quiet);
      } else if (entry.verdict === 'error') {
        expect(code, raw).toBe(1);
        expect(errors.length, show(findings) || raw).toBeGreaterThan(0);
        for (const c of entry.codes ?? []) expect(errors.map((f) => f.code), show(findings)).toContain(c);
      } else {
        const loud = findings.filter((f) => f.severity !== 'info');
        expect(loud.length, show(findings) || raw).toBeGreaterThan(0);
        for (const c of entry.codes ?? []) expect(loud.map((f) => f.code), show(findings)).toContain(c);
      }
    });
  }
});

describe('explain reads every corpus file lint reads', () => {
  for (const entry of entries) {
    for (const file of entry.files) {
      test(`explain ${file}`, async () => {
        const path = join(DIR, 'files', file);
        const r = await runCli(['explain', path]);
        expect(r.stdout + r.stderr).not.toMatch(/Invalid JSON|is not a policy element/);
        // A file lint itself cannot read (KW903), or one that writes a name twice (KW904: a decoy copy),
        // may be refused, with the same reason.
        const linted = await runCli(['lint', '--json', path]);
        const unreadable = (JSON.parse(linted.stdout) as { files: { findings: Finding[] }[] }).files.flatMap((f) => f.findings).find((f) => f.code === 'KW903' || f.code === 'KW904');
        if (unreadable) expect(r.stderr).toContain(unreadable.message);
        else expect(r.code, r.stdout + r.stderr).not.toBe(2);
      });
    }
  }
});
