// Hostile policy files and flag values through the real built binary: no
// escape sequence, C1 control or bidi override from input reaches the
// terminal raw in any text output; each shows as a visible \uXXXX escape.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli, type CliRun } from '../helpers/cli.js';

const KEY_ARN = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const ROLE = 'arn:aws:iam::111122223333:role/app';

/** Retitles the terminal (OSC 0), then moves up a line and erases it. */
const TITLE = '\u001b]0;pwned\u0007';
const ERASE = '\u001b[1A\u001b[2K';
/** A right-to-left override and a C1 CSI (the one-byte form of ESC [). */
const BIDI = '\u202e';
const C1 = '\u009b2K';
const HOSTILE = `${TITLE}${ERASE}${BIDI}${C1}`;

// Raw ESC, other C0 controls except line feed, DEL, C1, and the invisible / bidi characters.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/;

function expectSafe(r: CliRun): void {
  const out = r.stdout + r.stderr;
  const raw = UNSAFE.exec(out);
  expect(raw, raw ? `raw U+${raw[0].charCodeAt(0).toString(16).padStart(4, '0')} near ${JSON.stringify(out.slice(Math.max(0, raw.index - 40), raw.index + 10))}` : '').toBeNull();
}

/** The hostile text as the tool must show it. */
const VISIBLE = '\\u001b]0;pwned\\u0007\\u001b[1A\\u001b[2K\\u202e\\u009b2K';

let dir: string;
const file = (name: string) => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kms-wizard-hostile-'));
  // JSON.stringify writes C0 controls as \u escapes but C1 and bidi characters raw: both cases are covered.
  const key = {
    Version: '2012-10-17',
    Statement: [
      { Sid: `Admins${HOSTILE}`, Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: ['kms:Create*', 'kms:Describe*', 'kms:Enable*', 'kms:List*', 'kms:Put*', 'kms:Update*', 'kms:Revoke*', 'kms:Disable*', 'kms:Get*', 'kms:Delete*', 'kms:TagResource', 'kms:UntagResource', 'kms:ScheduleKeyDeletion', 'kms:CancelKeyDeletion'], Resource: '*' },
      {
        Sid: `Use${HOSTILE}`,
        Effect: 'Allow',
        Principal: { AWS: [ROLE, `${ROLE}${HOSTILE}`] },
        Action: ['kms:Decrypt', `kms:Decrypt${HOSTILE}`],
        Resource: '*',
        Condition: { StringEquals: { 'kms:ViaService': `secretsmanager.us-east-1.amazonaws.com${HOSTILE}`, [`kms:EncryptionContext:App${HOSTILE}`]: `v${HOSTILE}` } },
      },
    ],
  };
  writeFileSync(file('key.json'), JSON.stringify(key, null, 2));
  const iam = { Version: '2012-10-17', Statement: [{ Sid: `Iam${HOSTILE}`, Effect: 'Allow', Action: `kms:Decrypt${HOSTILE}`, Resource: `${KEY_ARN}${HOSTILE}` }] };
  writeFileSync(file('iam.json'), JSON.stringify(iam, null, 2));
  // Not JSON: raw bytes in the file itself, reported with line:column.
  writeFileSync(file('broken.json'), `{"Version": "2012-10-17", "Statement": [${HOSTILE}]}`);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('untrusted text never reaches the terminal raw', () => {
  test('lint (text): Sids, principals, actions and condition values in findings', async () => {
    const r = await runCli(['lint', file('key.json'), file('iam.json')]);
    expect(r.code).toBe(1);
    expectSafe(r);
    expect(r.stdout).toContain(VISIBLE);
  });

  test('lint --format json keeps the raw values, JSON-encoded', async () => {
    const r = await runCli(['lint', file('key.json'), '--json']);
    const messages: string[] = JSON.parse(r.stdout).files[0].findings.map((f: { message: string }) => f.message);
    expect(messages.some((m) => m.includes(HOSTILE))).toBe(true);
  });

  test('lint of a file with raw control characters: the syntax error is shown safely', async () => {
    const r = await runCli(['lint', file('broken.json')]);
    expect(r.code).toBe(1);
    expectSafe(r);
    expect(r.stdout).toMatch(/broken\.json:1:\d+/);
  });

  test('explain: statements, what they do not allow, the summary and the findings', async () => {
    const r = await runCli(['explain', file('key.json'), file('iam.json'), '--key-arn', KEY_ARN]);
    expect(r.code).toBe(0);
    expectSafe(r);
    expect(r.stdout).toContain(`"Use${VISIBLE}"`);
  });

  test('explain of an unreadable file: the error names it safely', async () => {
    const r = await runCli(['explain', file('broken.json')]);
    expect(r.code).toBe(2);
    expectSafe(r);
    expect(r.stderr).toMatch(/broken\.json:1:\d+/);
  });

  test('simulate: the trace with Sids and condition values, and --context values', async () => {
    const r = await runCli([
      'simulate', '--key-policy', file('key.json'), '--iam-policy', file('iam.json'), '--key-arn', KEY_ARN,
      '--principal', ROLE, '--action', 'kms:Decrypt', '--via-service', 'secretsmanager.us-east-1.amazonaws.com',
      '--context', `aws:SourceIp=${HOSTILE}`, '--encryption-context', `App${HOSTILE}=v${HOSTILE}`,
    ]);
    expect(r.code).toBe(1);
    expectSafe(r);
    expect(r.stdout).toContain(`"Use${VISIBLE}"`);
    expect(r.stdout).toContain('secretsmanager.us-east-1.amazonaws.com\\u001b]0;pwned');
  });

  test('simulate --matrix', async () => {
    const r = await runCli(['simulate', '--matrix', '--key-policy', file('key.json'), '--iam-policy', file('iam.json'), '--key-arn', KEY_ARN, '--principal', ROLE]);
    expect(r.code).toBe(0);
    expectSafe(r);
    expect(r.stdout).toMatch(/Access matrix: kms:Decrypt on /);
  });

  test('generate: flag values echoed in its messages', async () => {
    const r = await runCli(['generate', '--key-arn', KEY_ARN, '--admin', ROLE, '--service', `secretsmanager${HOSTILE}`, '--stdout']);
    expect(r.code).toBe(2);
    expectSafe(r);
    expect(r.stderr).toContain(`secretsmanager${VISIBLE}`);
  });

  test('errors that echo a file name or a flag value', async () => {
    const missing = await runCli(['lint', `nope${HOSTILE}.json`]);
    expect(missing.code).toBe(2);
    expectSafe(missing);
    expect(missing.stderr).toContain(`cannot read nope${VISIBLE}.json: no such file`);

    const badType = await runCli(['lint', '--type', `key${HOSTILE}`, file('key.json')]);
    expect(badType.code).toBe(2);
    expectSafe(badType);
    expect(badType.stderr).toContain(`not "key${VISIBLE}"`);

    const unknown = await runCli([`lint${HOSTILE}`]);
    expect(unknown.code).toBe(2);
    expectSafe(unknown);
    expect(unknown.stderr).toContain(`unknown command "lint${VISIBLE}"`);
  });

  test('a line break inside a file name is shown, not printed as a new line', async () => {
    const r = await runCli(['lint', 'a\nkms-wizard lint: all good.json']);
    expect(r.stderr).toContain('cannot read a\\u000akms-wizard lint: all good.json');
  });
});
