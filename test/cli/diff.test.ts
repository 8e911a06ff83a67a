import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const KEY = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const FIXTURES = new URL('../fixtures/current-policy/', import.meta.url).pathname;
const CONSOLE = join(FIXTURES, 'console-default.json');
const LOGS = join(FIXTURES, 'logs-deny-cross-account.json');

/** The console default restricted to Secrets Manager, as generate --from writes it. */
async function restricted(dir: string): Promise<string> {
  const r = await runCli(['generate', '--from', CONSOLE, '--key-arn', KEY, '--service', 'secretsmanager', '--out', 'new'], { cwd: dir });
  expect(r.code).toBe(0);
  return join(dir, 'new', 'key-policy.json');
}

interface Changes {
  added: { principal: string; action: string; via: string | null; before: string; after: string; reason: string }[];
  removed: Changes['added'];
}

describe('kms-wizard diff BEFORE AFTER (built binary)', () => {
  it('exits 0 when AFTER only removes access, and lists what is removed with why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kmsw-diff-'));
    const after = await restricted(dir);
    const r = await runCli(['diff', CONSOLE, after, '--key-arn', KEY]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Access added: none/);
    expect(r.stdout).toMatch(/- role\/app in 111122223333: kms:Decrypt, kms:GenerateDataKey, directly, .*Allow -> ImplicitDeny/);
    expect(r.stdout).toMatch(/why .*only through secretsmanager\.us-east-1\.amazonaws\.com; this call came directly/);
  });

  it('exits 1 when AFTER allows something new, listing the added access first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kmsw-diff-'));
    const after = await restricted(dir);
    const r = await runCli(['diff', after, CONSOLE, '--key-arn', KEY]);
    expect(r.code).toBe(1);
    expect(r.stdout.indexOf('Access added')).toBeLessThan(r.stdout.indexOf('Access removed'));
    expect(r.stdout).toMatch(/Access added \(\d+ requests\)/);
  });

  it('--json: {added, removed} with {principal, action, via, before, after}', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kmsw-diff-'));
    const after = await restricted(dir);
    const r = await runCli(['diff', after, CONSOLE, '--key-arn', KEY, '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as Changes;
    expect(out.removed).toEqual([]);
    expect(out.added).toContainEqual(expect.objectContaining({ principal: 'arn:aws:iam::111122223333:role/app', action: 'kms:Decrypt', via: null, before: 'ImplicitDeny', after: 'Allow' }));
  });

  it('two equal policies: no change, exit 0; one may come from standard input', async () => {
    const r = await runCli(['diff', '-', LOGS, '--key-arn', KEY, '--json'], { input: readFileSync(LOGS, 'utf8') });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ added: [], removed: [], warnings: [] });
  });

  it('warns by name when a service principal loses access', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kmsw-diff-'));
    const input = JSON.parse(readFileSync(LOGS, 'utf8')) as { Statement: { Sid?: string }[] };
    writeFileSync(join(dir, 'after.json'), JSON.stringify({ ...input, Statement: input.Statement.filter((s) => s.Sid !== 'AllowCloudWatchLogs') }));
    const r = await runCli(['diff', LOGS, 'after.json', '--key-arn', KEY], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/! service principal logs\.us-east-1\.amazonaws\.com loses/);
  });

  it('with --iam-policy, evaluates IAM principals with those policies', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kmsw-diff-'));
    const after = await restricted(dir);
    writeFileSync(join(dir, 'iam.json'), JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kms:Encrypt', Resource: '*' }] }));
    const r = await runCli(['diff', CONSOLE, after, '--key-arn', KEY, '--iam-policy', 'iam.json', '--json'], { cwd: dir });
    const out = JSON.parse(r.stdout) as Changes;
    // Named principals lose direct Decrypt whatever IAM says; the account's other roles only had what iam.json allows.
    const others = out.removed.filter((c) => c.principal.endsWith(':role/consumer'));
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((c) => c.action === 'kms:Encrypt')).toBe(true);
  });

  it('exit 2: usage errors and unreadable, invalid or non-key-policy files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kmsw-diff-'));
    writeFileSync(join(dir, 'bad.json'), '{\n  "Statement": [\n    {"Effect": "Allow",}\n  ]\n}');
    writeFileSync(join(dir, 'iam.json'), '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:*","Resource":"*"}]}');
    const cases: [string[], RegExp][] = [
      [['diff', LOGS, '--key-arn', KEY], /expected two key policy files/],
      [['diff', LOGS, LOGS], /missing --key-arn/],
      [['diff', LOGS, LOGS, '--key-arn', 'alias/app'], /--key-arn: "alias\/app" is an alias name/],
      [['diff', 'bad.json', LOGS, '--key-arn', KEY], /bad\.json:3:24: invalid JSON: trailing comma/],
      [['diff', LOGS, 'nope.json', '--key-arn', KEY], /cannot read nope\.json: no such file/],
      [['diff', 'iam.json', LOGS, '--key-arn', KEY], /iam\.json: not a key policy/],
      [['diff', LOGS, LOGS, '--key-arn', KEY, '--iam-policy', 'bad.json'], /bad\.json:3:24/],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(args, { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    }
  });

  it('--help describes the exit codes', async () => {
    const r = await runCli(['diff', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Exit codes: 0 AFTER allows nothing new, 1 AFTER allows something BEFORE did not/);
  });
});
