import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const KEY = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const FIXTURES = new URL('../fixtures/current-policy/', import.meta.url).pathname;
const CONSOLE = join(FIXTURES, 'console-default.json');
const LOGS = join(FIXTURES, 'logs-deny-cross-account.json');
const tmp = () => mkdtempSync(join(tmpdir(), 'kmsw-from-'));
const gen = (args: string[], opts: { cwd?: string; input?: string } = {}) => runCli(['generate', '--key-arn', KEY, '--service', 'secretsmanager', ...args], opts);

interface Report {
  keyPolicy: { Statement: { Sid?: string }[] };
  from: { index: number; sid: string | null; fate: string; reason: string }[];
  accessChanges: { principal: string; action: string; via: string | null; before: string; after: string }[];
  nextSteps: { title: string }[];
}

describe('generate --from: the console default key policy ("Default key policy", AWS KMS Developer Guide)', () => {
  it('writes the merged policy, takes the administrators over, and shows each fate and the access removed', async () => {
    const dir = tmp();
    const r = await gen(['--from', CONSOLE], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const policy = JSON.parse(readFileSync(join(dir, 'key-policy.json'), 'utf8'));
    expect(policy.Statement.map((s: { Sid: string }) => s.Sid)).toEqual(['KeyAdministrators', 'AllowUseThroughServices']);
    expect(policy.Statement[0].Principal).toEqual({ AWS: 'arn:aws:iam::111122223333:role/KMSAdminRole' });
    expect(r.stdout).toMatch(/replaced #1 "Enable IAM User Permissions": the account root with kms:\*/);
    expect(r.stdout).toMatch(/merged {3}#2 "Allow access for Key Administrators"/);
    expect(r.stdout).toMatch(/Access removed \(\d+ requests\):/);
    expect(r.stdout).toMatch(/- role\/app in 111122223333: kms:Decrypt, kms:GenerateDataKey, directly, .*: Allow -> ImplicitDeny/);
    expect(r.stdout).toMatch(/Access added: none/);
    expect(r.stdout).toMatch(/it replaces the whole key policy, and now carries the 0 kept statements of the current one/);
  });

  it('--json adds from: [{index, sid, fate, reason}] and accessChanges', async () => {
    const r = await gen(['--from', CONSOLE, '--json', '--stdout']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.from.map((f) => [f.index, f.sid, f.fate])).toEqual([
      [1, 'Enable IAM User Permissions', 'replaced'],
      [2, 'Allow access for Key Administrators', 'merged'],
      [3, 'Allow use of the key', 'replaced'],
      [4, 'Allow attachment of persistent resources', 'replaced'],
    ]);
    expect(report.accessChanges).toContainEqual(expect.objectContaining({ principal: 'arn:aws:iam::111122223333:role/app', action: 'kms:Decrypt', via: null, before: 'Allow', after: 'ImplicitDeny' }));
  });

  it('--admin overrides the administrators the file names', async () => {
    const r = await gen(['--from', CONSOLE, '--admin', 'arn:aws:iam::111122223333:role/Other', '--json', '--stdout']);
    const report = JSON.parse(r.stdout) as { keyPolicy: { Statement: { Principal: unknown }[] } };
    expect(report.keyPolicy.Statement[0]!.Principal).toEqual({ AWS: 'arn:aws:iam::111122223333:role/Other' });
  });
});

describe('generate --from: a key with CloudWatch Logs, a Deny and another account', () => {
  it('keeps those statements exactly as they are, after the generated ones, in their order', async () => {
    const dir = tmp();
    const r = await gen(['--from', LOGS], { cwd: dir });
    expect(r.code).toBe(0);
    const input = JSON.parse(readFileSync(LOGS, 'utf8'));
    const out = JSON.parse(readFileSync(join(dir, 'key-policy.json'), 'utf8'));
    expect(JSON.stringify(out.Statement.slice(2))).toBe(JSON.stringify(input.Statement.slice(1)));
    expect(r.stdout).toMatch(/kept {5}#2 "AllowCloudWatchLogs": names the service principal/);
    expect(r.stdout).toMatch(/kept {5}#5 \(no Sid\)/);
    expect(r.stdout).not.toMatch(/loses/);
  });

  it('is idempotent: --from its own output with the same flags gives byte-identical files', async () => {
    const dir = tmp();
    const first = await gen(['--from', LOGS, '--out', 'one'], { cwd: dir });
    expect(first.code).toBe(0);
    const second = await gen(['--from', join(dir, 'one', 'key-policy.json'), '--out', 'two'], { cwd: dir });
    expect(second.code).toBe(0);
    for (const f of readdirSync(join(dir, 'one'))) {
      expect(readFileSync(join(dir, 'two', f), 'utf8'), f).toBe(readFileSync(join(dir, 'one', f), 'utf8'));
    }
    expect(second.stdout).toMatch(/Access removed: none/);
    expect(second.stdout).toMatch(/Access added: none/);
  });

  it('--format terraform carries the kept statements, each with a comment that does not describe what it did not write', async () => {
    const r = await gen(['--from', LOGS, '--format', 'terraform', '--stdout']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/# AllowCloudWatchLogs: kept from the key's current policy exactly as it was\./);
    expect(r.stdout).toMatch(/# Statement: kept from the key's current policy exactly as it was\./);
    expect(r.stdout).toContain('logs.us-east-1.amazonaws.com');
  });

  it('reads the policy from standard input with --from -', async () => {
    const r = await gen(['--from', '-', '--stdout'], { input: readFileSync(LOGS, 'utf8') });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('"Sid": "AllowCloudWatchLogs"');
    expect(r.stderr).toMatch(/What happens to each statement of <stdin>:/);
  });

  it('--drop of the Logs statement warns by name that the service loses access', async () => {
    const r = await gen(['--from', LOGS, '--drop', 'AllowCloudWatchLogs', '--stdout']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('AllowCloudWatchLogs');
    expect(r.stderr).toMatch(/! service principal logs\.us-east-1\.amazonaws\.com loses .*Encrypt/);
  });

  it('--keep by position keeps a statement that would be replaced', async () => {
    const r = await gen(['--from', LOGS, '--keep', '#1', '--json', '--stdout']);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.from[0]).toMatchObject({ index: 1, fate: 'kept', reason: 'kept as it is (--keep)' });
    expect(report.keyPolicy.Statement.map((s) => s.Sid)).toContain('Enable IAM User Permissions');
  });
});

describe('generate --from: bad input writes nothing and exits 2', () => {
  const refused = async (args: string[], input?: string) => {
    const dir = tmp();
    const r = await gen(args, { cwd: dir, ...(input !== undefined ? { input } : {}) });
    expect(r.code).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    return r.stderr;
  };

  it('invalid JSON: file:line:column', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'bad.json'), '{\n  "Statement": [\n    {"Effect": "Allow",}\n  ]\n}');
    expect(await refused(['--from', join(dir, 'bad.json')])).toMatch(/bad\.json:3:24: invalid JSON: trailing comma/);
  });

  it('an IAM policy: not a key policy', async () => {
    expect(await refused(['--from', '-'], '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:Decrypt","Resource":"*"}]}')).toMatch(/<stdin>: not a key policy/);
  });

  it('a missing file, an unknown --keep Sid, and --drop without --from', async () => {
    expect(await refused(['--from', 'nope.json'])).toMatch(/cannot read nope\.json: no such file/);
    expect(await refused(['--from', LOGS, '--keep', 'Nope'])).toMatch(/--keep Nope: no statement has that Sid/);
    expect(await refused(['--drop', 'X'])).toMatch(/--drop needs --from FILE/);
  });

  it('--from with --new-key: a key that does not exist has no current policy', async () => {
    const dir = tmp();
    const r = await runCli(['generate', '--new-key', '--account', '111122223333', '--region', 'us-east-1', '--service', 'secretsmanager', '--from', CONSOLE], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--from reads the current policy of a key that exists; a new key \(--new-key\) has none/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('shows a Sid with terminal escape sequences as visible escapes, never raw', async () => {
    const policy = { Statement: [{ Sid: 'Evil\u001b]0;pwned\u0007\u001b[2J', Effect: 'Deny', Principal: '*', Action: 'kms:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }] };
    const r = await gen(['--from', '-', '--stdout'], { input: JSON.stringify(policy) });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('#1 "Evil\\u001b]0;pwned\\u0007\\u001b[2J"');
    expect(r.stderr).not.toContain('\u001b');
  });

  it('warns (and still writes) when the policy names another account than the key', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'other.json'), JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'kms:*', Resource: '*' }] }));
    const r = await gen(['--from', 'other.json', '--stdout'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/names account 444455556666 but never the key's account 111122223333/);
  });
});

describe('the wizard takes --keep and --drop too (checked before it needs a terminal)', () => {
  it('a reference to no statement: exit 2 naming the statements, one line per problem, before the terminal check', async () => {
    const r = await runCli(['--from', LOGS, '--keep', 'Nope', '--drop', '#9', '--key-arn', KEY]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^kms-wizard: --keep Nope: no statement has that Sid\. The statements are: "Enable IAM User Permissions", "AllowCloudWatchLogs"/);
    expect(r.stderr).toContain('\n--drop #9: the policy has 5 statements (#1 to #5)\n');
    expect(r.stderr).not.toContain('needs a terminal');
  });

  it('without --from: exit 2, as generate says it', async () => {
    const r = await runCli(['--drop', '#1', '--key-arn', KEY]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--drop needs --from FILE (the key's current policy)");
  });

  it('a Sid with a line break in the file is shown escaped in the message, never as a line of its own', async () => {
    const dir = tmp();
    const policy = { Version: '2012-10-17', Statement: [{ Sid: 'Evil\nkms-wizard: all good', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' }] };
    writeFileSync(join(dir, 'p.json'), JSON.stringify(policy));
    const r = await runCli(['--from', 'p.json', '--keep', 'Missing', '--key-arn', KEY], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"Evil\\u000akms-wizard: all good"');
    expect(r.stderr.split('\n').some((l) => l.startsWith('kms-wizard: all good'))).toBe(false);
  });
});
