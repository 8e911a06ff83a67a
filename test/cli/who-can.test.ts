// kms-wizard who-can through the real built binary, on the synthetic organization of test/fixtures/who-can/org.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { ORG_DIR, ORG_KEY } from '../helpers/who-can-org.js';

const D = ORG_DIR;
const KEY = ORG_KEY;
const ESC = '\u001B[';
const base = ['who-can', '--key', KEY, '--key-policy', `${D}/key-policy.json`, '--account-details', `${D}/prod-account.json`, '--account-details', `${D}/dev-account.json`];
const all = [...base, '--grants', `${D}/grants.json`, '--describe-key', `${D}/describe-key.json`, '--scp', `${D}/scp-root.json`, '--scp', `${D}/scp-ou-workloads.json`, '--scp', `${D}/scp-account.json`, '--rcp', `${D}/rcp-root.json`];

interface Answer {
  key: string;
  access: { principal: string; action: string; via: string; services?: string[]; grantId?: string; conditions: string[]; external: boolean; path: string[] }[];
  takeover: { principal: string; action: string; path: string[] }[];
  notes: string[];
}

describe('kms-wizard who-can', () => {
  test('--json prints the issue\'s shape: key, access, takeover, notes', async () => {
    const r = await runCli([...all, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout) as Answer;
    expect(a.key).toBe(KEY);
    const ci = a.access.find((x) => x.principal === 'arn:aws:iam::222222222222:role/Ci' && x.action === 'kms:Encrypt')!;
    expect(ci).toEqual({ principal: 'arn:aws:iam::222222222222:role/Ci', action: 'kms:Encrypt', via: 'service', services: ['s3.eu-west-1.amazonaws.com', 'secretsmanager.eu-west-1.amazonaws.com'], conditions: [], external: false, path: expect.arrayContaining(["key policy statement 'Enable IAM User Permissions'", "role inline policy 'ci-kms' statement #1"]) });
    const batch = a.access.find((x) => x.principal === 'arn:aws:iam::222222222222:role/Batch' && x.action === 'kms:Decrypt')!;
    expect(batch).toMatchObject({ via: 'grant', grantId: '0c237476b39f8bc44e45212e08498fbe3151305030726c0590dd8d3e9f3d6a60', conditions: ['kms:EncryptionContext:Department'] });
    expect(a.takeover.some((t) => t.principal === 'arn:aws:iam::222222222222:role/KeyAdmin' && t.action === 'kms:PutKeyPolicy')).toBe(true);
    expect(Array.isArray(a.notes)).toBe(true);
  });

  test('text for people: takeover first and marked, then each principal with its actions and one-line path', async () => {
    const r = await runCli(base);
    expect(r.code).toBe(0);
    expect(r.stdout.indexOf('TAKEOVER')).toBeLessThan(r.stdout.indexOf('ACCESS'));
    expect(r.stdout).toMatch(/! arn:aws:iam::222222222222:role\/PowerDev\n {6}kms:CreateGrant: /);
    expect(r.stdout).toContain('PowerUserAccess allows every action except iam:*');
    expect(r.stdout).toMatch(/arn:aws:iam::222222222222:user\/bob\n {6}Decrypt, DescribeKey directly\n {8}key policy statement 'Enable IAM User Permissions' -> group 'Developers' inline policy 'kms-decrypt' statement #1/);
    expect(r.stdout).toMatch(/arn:aws:iam::444444444444:role\/Partner \[external/);
    expect(r.stdout).toContain('- no SCPs given');
    expect(r.stdout).not.toContain(ESC);
  });

  test('the key policy from standard input ("-")', async () => {
    const r = await runCli(['who-can', '--key', KEY, '--key-policy', '-', '--account-details', `${D}/prod-account.json`, '--json'], { input: readFileSync(`${D}/key-policy.json`, 'utf8') });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Answer).access.length).toBeGreaterThan(10);
  });

  test('--action narrows the answer to that action', async () => {
    const r = await runCli([...all, '--action', 'kms:Decrypt', '--json']);
    expect(new Set((JSON.parse(r.stdout) as Answer).access.map((x) => x.action))).toEqual(new Set(['kms:Decrypt']));
  });
});

describe('kms-wizard who-can: malformed input exits 1 naming the file and the field', () => {
  const dir = mkdtempSync(join(tmpdir(), 'who-can-'));
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const run = (replace: string, path: string) => runCli(all.map((a) => (a === `${D}/${replace}` ? path : a)));

  test('a truncated export', async () => {
    const r = await run('prod-account.json', write('trunc.json', JSON.stringify({ ...JSON.parse(readFileSync(`${D}/prod-account.json`, 'utf8')), IsTruncated: true, Marker: 'x' })));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/trunc\.json: IsTruncated: the export is truncated/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  test('list-grants of another key', async () => {
    const other = readFileSync(`${D}/grants.json`, 'utf8').replaceAll('mrk-1234abcd12ab34cd56ef1234567890ab', 'mrk-00000000000000000000000000000000');
    const r = await run('grants.json', write('other-grants.json', other));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/other-grants\.json: Grants\[0\]\.KeyId: the grant is for .*mrk-0000/);
  });

  test('a key policy that is not JSON, and an empty file', async () => {
    const bad = await run('key-policy.json', write('kp.json', '{"Policy": "Version: 2012-10-17"}'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/kp\.json: Policy: the policy is not JSON/);
    const empty = await run('describe-key.json', write('empty.json', ''));
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/empty\.json: \(file\): the file is empty/);
  });

  test('an export cut off in the middle of the JSON (an interrupted download)', async () => {
    const r = await run('prod-account.json', write('cut.json', readFileSync(`${D}/prod-account.json`, 'utf8').slice(0, 5000)));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cut\.json: \(file\): the JSON ends in the middle of a value/);
  });

  test('a managed policy whose default version is missing from the export', async () => {
    const exported = JSON.parse(readFileSync(`${D}/prod-account.json`, 'utf8')) as { Policies: { PolicyName: string; PolicyVersionList: { IsDefaultVersion: boolean }[] }[] };
    const reader = exported.Policies.find((p) => p.PolicyName === 'KmsReader')!;
    reader.PolicyVersionList = reader.PolicyVersionList.filter((v) => !v.IsDefaultVersion);
    const r = await run('prod-account.json', write('no-default.json', JSON.stringify(exported)));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no-default\.json: Policies\[\d+\]\.PolicyVersionList: policy 'KmsReader' has no default version/);
  });

  test('a binary file (a gzip header) given as an export', async () => {
    const path = join(dir, 'export.json.gz');
    writeFileSync(path, Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xab, 0x56, 0x00, 0x00]));
    const r = await run('dev-account.json', path);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/export\.json\.gz: \(file\): the file is binary/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test('control characters from a file never reach the terminal', async () => {
    const r = await run('grants.json', write('esc.json', JSON.stringify({ Grants: [{ KeyId: `arn:aws:kms:eu-west-1:222222222222:key/\u001B[31mevil`, GrantId: 'g', GranteePrincipal: 'x', Operations: [] }] })));
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain(ESC);
    expect(r.stderr).toContain('\\u001b');
  });
});

describe('kms-wizard who-can: usage', () => {
  test('missing flags exit 2 with an example', async () => {
    const r = await runCli(['who-can', '--key', KEY]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing --key-policy, --account-details/);
  });

  test('a bad key ARN or action exits 2', async () => {
    expect((await runCli([...base.slice(0, 2), 'alias/app', ...base.slice(3)])).code).toBe(2);
    const r = await runCli([...base, '--action', 'kms:Decrypted']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/did you mean kms:Decrypt/);
  });

  test('--help', async () => {
    const r = await runCli(['who-can', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^kms-wizard who-can:/);
  });
});
