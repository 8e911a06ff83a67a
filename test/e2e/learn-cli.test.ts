/**
 * `kms-wizard learn` without a terminal, through the real built binary:
 * --list, --list --json, --reset (with and without --yes), the non-TTY
 * refusal, usage errors, and a corrupt progress file.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

let dir: string;
const env = () => ({ KMS_WIZARD_CONFIG_DIR: dir });
const progress = (lessons: Record<string, { completed: string[]; step: number }>) =>
  JSON.stringify({ version: 1, lessons: Object.fromEntries(Object.entries(lessons).map(([k, v]) => [k, { ...v, updatedAt: '2026-01-01T00:00:00.000Z' }])) });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kmsw-learn-cli-'));
});

describe('learn --list', () => {
  it('prints every lesson with progress, without a terminal', async () => {
    writeFileSync(join(dir, 'progress.json'), progress({ 'via-service': { completed: ['ebs-value'], step: 4 }, 'key-admins': { completed: ['admin-decrypt', 'add-admins'], step: 0 } }));
    const r = await runCli(['learn', '--list'], { env: env() });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`1 of 11 done (progress: ${join(dir, 'progress.json')})`);
    expect(r.stdout).toMatch(/◐\s+3\s+via-service\s+kms:ViaService: through which service, in which Region\s+1\/4/);
    expect(r.stdout).toMatch(/✓\s+7\s+key-admins\s+.*2\/2/);
    expect(r.stdout).toMatch(/·\s+10\s+find-the-bugs/);
    expect(r.stdout).not.toContain('\u001B['); // NO_COLOR (set by runCli) means no escape codes
  });

  it('--json gives the same as data', async () => {
    writeFileSync(join(dir, 'progress.json'), progress({ 'via-service': { completed: ['ebs-value'], step: 4 } }));
    const r = await runCli(['learn', '--list', '--json'], { env: env() });
    expect(r.code).toBe(0);
    const data = JSON.parse(r.stdout);
    expect(data).toMatchObject({ progressFile: join(dir, 'progress.json'), done: 0, total: 11 });
    expect(data.lessons).toHaveLength(11);
    expect(data.lessons[2]).toMatchObject({ id: 'via-service', number: 3, exercises: 4, completed: 1, done: false, resumeStep: 5 });
    expect(data.notice).toBeUndefined();
  });

  it('moves a corrupt progress file aside, says so, and lists lessons as new', async () => {
    writeFileSync(join(dir, 'progress.json'), '{"version": 1, "lessons": ');
    const r = await runCli(['learn', '--list'], { env: env() });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/progress\.json was corrupt \(invalid JSON.*\); it was moved to .*progress\.json\.corrupt-/);
    expect(r.stdout).toContain('0 of 11 done');
    const aside = readdirSync(dir).filter((f) => f.startsWith('progress.json.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0]!), 'utf8')).toBe('{"version": 1, "lessons": ');
  });
});

describe('learn --reset', () => {
  it('refuses to ask without a terminal, and names --yes (exit 2)', async () => {
    writeFileSync(join(dir, 'progress.json'), progress({ grants: { completed: [], step: 2 } }));
    const r = await runCli(['learn', '--reset'], { env: env() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--reset asks for confirmation, and stdin is not a terminal');
    expect(r.stderr).toContain('kms-wizard learn --reset --yes');
    expect(existsSync(join(dir, 'progress.json'))).toBe(true);
  });

  it('--yes clears progress; a second run says there is nothing to clear', async () => {
    writeFileSync(join(dir, 'progress.json'), progress({ grants: { completed: [], step: 2 } }));
    const r = await runCli(['learn', '--reset', '--yes'], { env: env() });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Progress cleared');
    expect(existsSync(join(dir, 'progress.json'))).toBe(false);
    const again = await runCli(['learn', '--reset', '-y'], { env: env() });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Nothing to clear');
  });
});

describe('learn without a terminal, and usage errors', () => {
  it('the menu needs a terminal: exit 2 naming learn --list', async () => {
    const r = await runCli(['learn'], { env: env() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the lessons need a terminal, and stdin is not a terminal');
    expect(r.stderr).toContain('kms-wizard learn --list');
    expect(r.stdout).toBe('');
  });

  it('CI counts as no terminal too', async () => {
    const r = await runCli(['learn', '3'], { env: { ...env(), CI: 'true' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/CI is set|stdin is not a terminal/);
  });

  it.each([
    [['learn', 'via-servce'], /no lesson "via-servce" \(did you mean via-service\?\)/],
    [['learn', '--json'], /--json goes with --list/],
    [['learn', '--list', '--reset'], /give --list or --reset, not both/],
    [['learn', '--yes'], /--yes goes with --reset/],
    [['learn', '--lst'], /unknown option --lst \(did you mean --list\?\)/],
    [['learn', '1', '2'], /give one lesson at a time/],
  ])('%j is a usage error', async (args, message) => {
    const r = await runCli(args, { env: env() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // never a stack trace
  });

  it('--help describes the command', async () => {
    const r = await runCli(['learn', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('kms-wizard learn --list');
    expect(r.stdout).toContain('KMS_WIZARD_CONFIG_DIR');
  });
});
