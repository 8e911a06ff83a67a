// KW009 through the built binary: characters outside what CreateKey / PutKeyPolicy
// (and IAM's PolicyDocument pattern) accept, with the character, line:column and the fix.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';

let dir: string;
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const policy = (sid: string) =>
  `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "${sid}",
      "Effect": "Allow",
      "Principal": {"AWS": "arn:aws:iam::111122223333:role/KeyAdmin"},
      "Action": ["kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*", "kms:Update*", "kms:Revoke*",
                 "kms:Disable*", "kms:Get*", "kms:Delete*", "kms:TagResource", "kms:UntagResource",
                 "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion", "kms:RotateKeyOnDemand"],
      "Resource": "*"
    }
  ]
}
`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kms-wizard-chars-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('lint: characters AWS refuses in a policy (KW009)', () => {
  test('a check mark and an emoji: each reported with its code point, line:column and the fix', async () => {
    const file = write('check.json', policy('Admins ✓ 🔑'));
    const r = await runCli(['lint', file, '--json']);
    expect(r.code).toBe(1);
    const found = JSON.parse(r.stdout).files[0].findings.filter((f: { code: string }) => f.code === 'KW009');
    // Line 5 is `      "Sid": "Admins ✓ 🔑",`: the check mark is column 22, the key (two UTF-16 units) column 24.
    expect(found.map((f: { line: number; column: number; pointer: string }) => [f.line, f.column, f.pointer])).toEqual([
      [5, 22, '/Statement/0/Sid'],
      [5, 24, '/Statement/0/Sid'],
    ]);
    expect(found[0].message).toMatch(/^"✓" \(U\+2713\): AWS accepts only tab, line feed, carriage return and characters U\+0020 to U\+00FF/);
    expect(found[1].message).toMatch(/\(U\+1F511\)/);
    expect(found[0].message).toMatch(/Fix: delete it or write it in plain ASCII\./);
  });

  test('a typographic quote and an arrow: the text output names the plain replacement', async () => {
    const file = write('quote.json', policy('Don’t → here'));
    const r = await runCli(['lint', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/quote\.json:5:\d+ +error +KW009 +"’" \(U\+2019\).*Fix: write ' instead\./);
    expect(r.stdout).toMatch(/KW009 +"→" \(U\+2192\).*Fix: write -> instead\./);
  });

  test('Latin-1 (é, ü) and a \\u escape are accepted', async () => {
    const latin = await runCli(['lint', write('latin.json', policy('Schlüssel für Café')), '--json']);
    const escaped = await runCli(['lint', write('escaped.json', policy('Admins \\u2713')), '--json']);
    for (const r of [latin, escaped]) {
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).files[0].findings.map((f: { code: string }) => f.code)).not.toContain('KW009');
    }
  });
});
