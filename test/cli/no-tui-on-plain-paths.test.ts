import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CLI_BIN } from '../helpers/cli.js';

// Strings only Ink, React's reconciler and Yoga carry in the bundle.
const TUI_MARKERS = ['Raw mode is not supported', 'react.dev/errors', 'yoga'];
const hooks = pathToFileURL(resolve(fileURLToPath(new URL('../fixtures/loader/record-loads.mjs', import.meta.url)))).href;
const KEY = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const WHO_CAN_KEY = 'arn:aws:kms:eu-west-1:222222222222:key/mrk-1234abcd12ab34cd56ef1234567890ab';
const WHO_CAN = fileURLToPath(new URL('../fixtures/who-can/org/', import.meta.url));

/** Runs the built CLI and returns the files of the bundle it loaded. */
function loadedFiles(args: string[], cwd: string, status: number): string[] {
  const log = join(cwd, `loaded-${Math.random().toString(36).slice(2)}.log`);
  writeFileSync(log, '');
  const r = spawnSync(process.execPath, ['--import', hooks, CLI_BIN, ...args], {
    cwd,
    env: { PATH: process.env.PATH, HOME: cwd, KMSW_LOADED_LOG: log, NO_COLOR: '1' },
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(status);
  return readFileSync(log, 'utf8').split('\n').filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
}

describe('paths that render no TUI never load ink or react (built binary)', () => {
  const cwd = mkdtempSync(join(tmpdir(), 'kmsw-loads-'));
  writeFileSync(join(cwd, 'p.json'), JSON.stringify({ Version: '2012-10-17', Statement: [] }));

  it.each([
    ['--version', ['--version'], 0],
    ['--help', ['--help'], 0],
    ['generate', ['generate', '--key-arn', KEY, '--service', 'secretsmanager', '--stdout'], 0],
    ['lint', ['lint', 'p.json'], 1],
    ['explain', ['explain', 'p.json'], 0],
    ['simulate', ['simulate', '--key-policy', 'p.json', '--key-arn', KEY, '--principal', 'arn:aws:iam::111122223333:role/a', '--action', 'kms:Decrypt'], 1],
    ['diff', ['diff', 'p.json', 'p.json', '--key-arn', KEY], 0],
    ['who-can', ['who-can', '--key', WHO_CAN_KEY, '--key-policy', resolve(WHO_CAN, 'key-policy.json'), '--account-details', resolve(WHO_CAN, 'prod-account.json')], 0],
    ['learn --list', ['learn', '--list'], 0],
    ['completion', ['completion', 'bash'], 0],
    ['the wizard without a terminal (exit 2, names the flags)', ['--key-arn', KEY], 2],
  ] as const)('%s', (_name, args, status) => {
    const files = loadedFiles([...args], cwd, status);
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      for (const m of TUI_MARKERS) expect(text.includes(m), `${f} contains "${m}"`).toBe(false);
    }
  });

  it('the markers do find the TUI code when the wizard renders', () => {
    // The same check must be able to fail: the interactive bundle carries them.
    const all = spawnSync('grep', ['-rl', 'Raw mode is not supported', resolve(CLI_BIN, '..')], { encoding: 'utf8' });
    expect(all.stdout.trim()).not.toBe('');
  });
});
