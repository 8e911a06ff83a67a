// The GitHub Action's log (action/lint.sh): the runner reads any line that
// starts with "::" (after blanks) as a workflow command ("Workflow commands
// for GitHub Actions", docs.github.com). File names and inputs are not the
// Action's to trust: a file named "::warning::x" or an input with a line
// break must not start a command of its own.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CLI_BIN } from '../helpers/cli.js';

const SCRIPT = resolve(import.meta.dirname, '../../action/lint.sh');
const WIDE_OPEN = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'kms:*', Resource: '*' }] });

function action(cwd: string, inputs: Record<string, string>) {
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, KW_COMMAND: `${process.execPath} ${CLI_BIN}`, GITHUB_OUTPUT: join(cwd, 'github-output'), ...inputs };
  const r = spawnSync('bash', [SCRIPT], { cwd, env, encoding: 'utf8' });
  return { code: r.status, lines: `${r.stdout}\n${r.stderr}`.split(/\r?\n/) };
}

const commandLines = (lines: string[]) => lines.filter((l) => /^\s*::/.test(l));

describe('action/lint.sh: no workflow command from a file name or an input', () => {
  test.each(['text', 'sarif', 'json'])('format %s: a file named "::warning::..." is shown escaped, its findings still reported', (format) => {
    const dir = mkdtempSync(join(tmpdir(), 'kmsw-action-cmd-'));
    writeFileSync(join(dir, '::warning::pwned.json'), WIDE_OPEN);
    const r = action(dir, { KW_PATHS: '::warning::pwned.json', KW_FORMAT: format, KW_OUTPUT: 'report.out' });
    expect(r.code).toBe(1);
    expect(commandLines(r.lines)).toEqual([]);
    expect(r.lines.some((l) => l.startsWith(':\\:warning::pwned.json'))).toBe(true);
  });

  test('an input with a line break stays inside the one ::error:: command', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kmsw-action-cmd-'));
    const r = action(dir, { KW_PATHS: 'x.json', KW_FORMAT: 'text\n::set-output name=report::evil\r\n::add-mask::100%' });
    expect(r.code).toBe(2);
    const commands = commandLines(r.lines);
    expect(commands).toHaveLength(1);
    expect(commands[0]).toMatch(/^::error::kms-wizard lint: format must be sarif, json or text, not "text%0A::set-output name=report::evil%0D%0A::add-mask::100%25"$/);
  });
});
