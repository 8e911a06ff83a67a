// kms-wizard diff with the accounts' exports (issue 19, "Also"): the access change stated per real
// principal, who-can run on BEFORE and AFTER over the same exports. The built binary, on the synthetic
// organization of test/fixtures/who-can/org.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { ORG_DIR, ORG_KEY, type PrincipalChangeJson } from '../helpers/who-can-org.js';

const D = ORG_DIR;
const KEY = ORG_KEY;
const S3 = 's3.eu-west-1.amazonaws.com';
const dir = mkdtempSync(join(tmpdir(), 'diff-who-can-'));
const write = (name: string, value: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return path;
};
const current = JSON.parse((JSON.parse(readFileSync(`${D}/key-policy.json`, 'utf8')) as { Policy: string }).Policy) as { Statement: { Sid?: string }[] };
const withoutUse = { ...current, Statement: current.Statement.filter((s) => s.Sid !== 'Allow use of the key') };
const keyAdminThroughS3 = { Sid: 'KeyAdmin encrypts through S3', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::222222222222:role/KeyAdmin' }, Action: 'kms:Encrypt', Resource: '*', Condition: { StringEquals: { 'kms:ViaService': S3 } } };
const DROPPED = write('dropped.json', withoutUse);
const CHANGED = write('changed.json', { ...withoutUse, Statement: [...withoutUse.Statement, keyAdminThroughS3] });
const exports = ['--account-details', `${D}/prod-account.json`, '--grants', `${D}/grants.json`, '--describe-key', `${D}/describe-key.json`, '--scp', `${D}/scp-root.json`, '--scp', `${D}/scp-ou-workloads.json`, '--scp', `${D}/scp-account.json`];
const diff = (after: string, ...more: string[]) => runCli(['diff', `${D}/key-policy.json`, after, '--key-arn', KEY, ...more]);

type Change = PrincipalChangeJson;

describe('kms-wizard diff --account-details: who gains and loses access', () => {
  test("text: grouped by principal, \"role/App in 222222222222 loses Decrypt ... directly\", the gain through S3, exit 1", async () => {
    const r = await diff(CHANGED, ...exports);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const section = r.stdout.slice(r.stdout.indexOf('Who can use the key'));
    expect(section).toMatch(/^Who can use the key: 3 principals of the exports gain or lose access:/);
    expect(section).toMatch(/\n {2}role\/App in 222222222222\n {6}loses Decrypt, DescribeKey, Encrypt, .*directly\n {8}was: key policy statement 'Allow use of the key'/);
    expect(section).toMatch(/\n {2}role\/KeyAdmin in 222222222222\n {6}gains Encrypt through s3\.eu-west-1\.amazonaws\.com\n {8}key policy statement 'KeyAdmin encrypts through S3'/);
    expect(section).toMatch(/\n {2}user\/eve in 222222222222\n/);
    // bob's Decrypt comes from his group's policy through the root statement, which stays: he is not listed.
    expect(section).not.toContain('user/bob');
  });

  test('--json adds principalChanges and principalNotes; a real principal\'s gain exits 1 where the request-level diff sees none', async () => {
    const r = await diff(CHANGED, ...exports, '--json');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { added: unknown[]; removed: unknown[]; warnings: unknown[]; principalChanges: Change[]; principalNotes: string[] };
    // The request-level diff assumes an IAM policy allowing kms:* behind the root statement, so it sees
    // no change at all; the real IAM policies of KeyAdmin (no Encrypt) and App (none) make both changes real.
    expect(out.added).toEqual([]);
    expect(out.removed).toEqual([]);
    expect(out.principalChanges).toContainEqual(expect.objectContaining({ kind: 'access', principal: 'arn:aws:iam::222222222222:role/KeyAdmin', change: 'gains', action: 'kms:Encrypt', via: 'service', services: [S3] }));
    expect(out.principalChanges).toContainEqual(expect.objectContaining({ kind: 'access', principal: 'arn:aws:iam::222222222222:role/App', change: 'loses', action: 'kms:Decrypt', via: 'direct' }));
    expect(out.principalNotes).toContain('no RCPs given: none are assumed to restrict the key');
  });

  test('only losses: listed, and exit 0 (AFTER allows nothing new)', async () => {
    const r = await diff(DROPPED, ...exports, '--json');
    expect(r.code).toBe(0);
    const changes = (JSON.parse(r.stdout) as { principalChanges: Change[] }).principalChanges;
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.every((c) => c.change === 'loses')).toBe(true);
  });

  test('without the export flags the output is what it was: no who-can section, no new JSON field', async () => {
    const text = await diff(CHANGED);
    expect(text.stdout).not.toContain('Who can use the key');
    const json = JSON.parse((await diff(CHANGED, '--json')).stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['added', 'removed', 'warnings']);
  });
});

describe('kms-wizard diff --account-details: untrusted text', () => {
  test("a Sid's control characters reach the who-can section escaped, never raw", async () => {
    const evil = write('evil.json', { ...withoutUse, Statement: [...withoutUse.Statement, { ...keyAdminThroughS3, Sid: 'KeyAdmin\u001B[31m red' }] });
    const r = await diff(evil, ...exports);
    const section = r.stdout.slice(r.stdout.indexOf('Who can use the key'));
    expect(section).toContain("key policy statement 'KeyAdmin\\u001b[31m red'");
    expect(r.stdout).not.toContain('\u001B');
  });
});

describe('kms-wizard diff: bad exports', () => {
  test('a truncated account export exits 1 naming the file and the field, no stack trace', async () => {
    const trunc = write('trunc.json', { ...(JSON.parse(readFileSync(`${D}/prod-account.json`, 'utf8')) as object), IsTruncated: true, Marker: 'x' });
    const r = await diff(CHANGED, '--account-details', trunc);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/trunc\.json: IsTruncated: the export is truncated/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test('list-grants of another key exits 1 naming Grants[0].KeyId', async () => {
    const other = write('other-grants.json', readFileSync(`${D}/grants.json`, 'utf8').replaceAll('mrk-1234abcd12ab34cd56ef1234567890ab', 'mrk-00000000000000000000000000000000'));
    const r = await diff(CHANGED, '--account-details', `${D}/prod-account.json`, '--grants', other);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/other-grants\.json: Grants\[0\]\.KeyId: /);
  });

  test('--scp alone says who it needs (exit 2); a bad --management-account exits 2', async () => {
    const lone = await diff(CHANGED, '--scp', `${D}/scp-root.json`);
    expect(lone.code).toBe(2);
    expect(lone.stderr).toMatch(/--scp needs --account-details FILE .* or --grants FILE/);
    const bad = await diff(CHANGED, '--account-details', `${D}/prod-account.json`, '--management-account', '12');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--management-account takes a 12-digit account id/);
  });

  test('two inputs from standard input are refused (exit 2)', async () => {
    const r = await runCli(['diff', '-', CHANGED, '--key-arn', KEY, '--account-details', '-'], { input: '{}' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/only one file can be read from standard input/);
  });
});
