// A flag value with a line break in it, echoed in an error message, must not
// print a line of its own (issue 22: 13 flags forged lines such as
// "kms-wizard: no problems found" under the real error).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';

const KEY = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const FORGED = 'kms-wizard: FORGED line';
const VALUE = `bad\n${FORGED}\r`;

const KEY_POLICY = join(mkdtempSync(join(tmpdir(), 'kmsw-flags-')), 'key.json');
writeFileSync(KEY_POLICY, JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' }] }));
const SIMULATE = ['simulate', '--key-policy', KEY_POLICY, '--principal', 'arn:aws:iam::111122223333:root', '--action', 'kms:Decrypt', '--key-arn', KEY];
const CASES: [string, string, string[]][] = [
  ['generate', 'access', ['generate', '--key-arn', KEY, '--service', 'secretsmanager', '--stdout']],
  ['generate', 'format', ['generate', '--key-arn', KEY, '--service', 'secretsmanager', '--stdout']],
  ['simulate', 'key-arn', SIMULATE],
  ['simulate', 'principal', SIMULATE],
  ['simulate', 'action', SIMULATE],
  ['simulate', 'via-service', SIMULATE],
  ['simulate', 'encryption-context', SIMULATE],
  ['simulate', 'context', SIMULATE],
  ['explain', 'key-arn', ['explain', 'x.json']],
  ['explain', 'type', ['explain', 'x.json']],
  ['lint', 'type', ['lint', 'x.json']],
  ['lint', 'key-arn', ['lint', 'x.json']],
  ['lint', 'format', ['lint', 'x.json']],
];

describe('flag values echoed in error messages', () => {
  test.each(CASES)('%s --%s', async (_command, flag, base) => {
    for (const args of [[...base, `--${flag}`, VALUE], [...base, `--${flag}=${VALUE}`]]) {
      const r = await runCli(args);
      expect(r.code).not.toBe(0);
      const lines = (r.stdout + r.stderr).split('\n');
      expect(lines.filter((l) => l.startsWith(FORGED))).toEqual([]);
      expect(r.stdout + r.stderr).toContain(`bad\\u000a${FORGED}`);
    }
  });
});
