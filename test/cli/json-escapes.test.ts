// Issue 22: raw C1 controls and bidi overrides passed through --json; terminals
// such as VS Code's run them. explain's and simulate's --json escape them (lint,
// generate, diff and who-can print through the same jsonText) (\u009b,
// \u202e) and stays valid JSON with the same values.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';

const KEY = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const SID = 'Admins\u202e\u009b31m';
const policy = (sid: string) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Sid: sid, Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/admin' }, Action: ['kms:PutKeyPolicy', 'kms:Describe*'], Resource: '*' },
      { Sid: 'Use', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/app' }, Action: 'kms:Decrypt', Resource: '*' },
    ],
  });

function files(): { after: string } {
  const dir = mkdtempSync(join(tmpdir(), 'json-escapes-'));
  const after = join(dir, 'policy.json');
  writeFileSync(after, policy(SID));
  return { after };
}

const raw = /[\u0080-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('--json escapes C1 and bidi characters', () => {
  test.each([
    ['explain', (f: ReturnType<typeof files>) => ['explain', '--json', f.after]],
    ['simulate', (f: ReturnType<typeof files>) => ['simulate', '--json', '--key-policy', f.after, '--key-arn', KEY, '--principal', 'arn:aws:iam::111122223333:role/admin', '--action', 'kms:PutKeyPolicy']],
  ])('%s', async (_name, args) => {
    const r = await runCli(args(files()));
    expect(r.code, r.stderr).not.toBe(2);
    expect(r.stdout).not.toMatch(raw);
    const parsed: unknown = JSON.parse(r.stdout);
    expect(JSON.stringify(parsed)).toContain(SID);
  });
});
