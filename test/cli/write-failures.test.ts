// Standard output that cannot be written (issue 21, "Faults that must not
// crash the tool"): `> /dev/full` answers every write with ENOSPC. The run
// says so in one line and exits 1, with no stack trace or bundle source.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { CLI_BIN } from '../helpers/cli.js';

const KEY = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

describe.runIf(existsSync('/dev/full'))('standard output on a full device', () => {
  test.each([
    ['generate --stdout', ['generate', '--key-arn', KEY, '--service', 'secretsmanager', '--stdout']],
    ['generate --stdout --json', ['generate', '--key-arn', KEY, '--service', 'secretsmanager', '--stdout', '--json']],
    ['lint --json', ['lint', '--json', 'test/fixtures/iac/cfn-clean.yaml']],
  ])('%s: "could not write: no space left on device", exit 1', (_name, args) => {
    const full = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [CLI_BIN, ...args], { stdio: ['ignore', full, 'pipe'], encoding: 'utf8', env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1' } });
      expect(r.status, r.stderr).toBe(1);
      expect(r.stderr).toContain('kms-wizard: could not write: no space left on device\n');
      expect(r.stderr).not.toMatch(/\bat \S+:\d+|function|=>|Error:/);
    } finally {
      closeSync(full);
    }
  });
});
