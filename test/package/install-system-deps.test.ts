// scripts/install-system-deps.sh on the systems it supports, run with stub
// `uname`, `brew` and `apt-get` on an otherwise empty PATH, so what it would
// install is recorded instead of installed.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { clipboardTestRequired, missingClipboardTools } from '../helpers/xvfb.js';

const SCRIPT = fileURLToPath(new URL('../../scripts/install-system-deps.sh', import.meta.url));
const BASH = spawnSync('sh', ['-c', 'command -v bash'], { encoding: 'utf8' }).stdout.trim();

/** Runs the script as root on `system`, with only the stub commands given (each logs its arguments). */
function runAs(system: string, stubs: string[]) {
  const bin = mkdtempSync(join(tmpdir(), 'kmsw-sysdeps-'));
  const log = join(bin, 'calls.log');
  const scripts: Record<string, string> = { uname: `echo ${system}`, id: 'echo 0' };
  for (const name of stubs) scripts[name] = `echo "${name} $*" >> ${log}`;
  for (const [name, body] of Object.entries(scripts)) {
    writeFileSync(join(bin, name), `#!${BASH}\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  }
  const r = spawnSync(BASH, [SCRIPT], { env: { PATH: bin }, encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr, calls: existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [] };
}

describe('install-system-deps.sh', () => {
  it('macOS: installs tmux, zsh and fish with Homebrew, and no Xvfb (the clipboard test is Linux only)', () => {
    const r = runAs('Darwin', ['brew']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.calls).toEqual(['brew install --quiet tmux zsh fish']);
  });

  it('macOS without Homebrew: names what to install and where to get Homebrew', () => {
    const r = runAs('Darwin', []);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('please install tmux zsh fish (Homebrew was not found: https://brew.sh)');
  });

  it('Debian: installs Xvfb and xsel too, with apt-get', () => {
    const r = runAs('Linux', ['apt-get']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.calls).toEqual(['apt-get update -qq', 'apt-get install -y -qq --no-install-recommends xvfb xsel tmux zsh fish']);
  });

  it('another system: says what to install, exit 1', () => {
    const r = runAs('FreeBSD', []);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('FreeBSD is not supported; install tmux, zsh and fish yourself');
  });
});

describe('the X clipboard test on other systems (test/e2e/clipboard.test.ts)', () => {
  it('is skipped off Linux, and the reason says so', () => {
    expect(missingClipboardTools('darwin')).toBe('Linux only: the X clipboard runs under Xvfb, and this is darwin');
    expect(clipboardTestRequired({ CI: 'true' }, 'darwin')).toBe(false);
  });

  it('is required in CI on Linux, optional on a Linux machine outside CI', () => {
    expect(clipboardTestRequired({ CI: 'true' }, 'linux')).toBe(true);
    expect(clipboardTestRequired({ CI: '1' }, 'linux')).toBe(true);
    expect(clipboardTestRequired({}, 'linux')).toBe(false);
    expect(clipboardTestRequired({ CI: 'false' }, 'linux')).toBe(false);
  });
});
