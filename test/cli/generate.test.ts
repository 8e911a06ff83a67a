import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/core/build.js';
import { serializePolicy } from '../../src/core/policy.js';
import { runCli } from '../helpers/cli.js';

const KEY = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const tmp = () => mkdtempSync(join(tmpdir(), 'kmsw-gen-'));

describe('kms-wizard generate (built binary)', () => {
  it('writes key-policy.json and iam-policy.json equal to build(), and prints next steps', async () => {
    const dir = tmp();
    const r = await runCli(['generate', '--key-arn', KEY, '--service', 'secretsmanager', '--consumer', 'arn:aws:iam::111122223333:user/John'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['iam-policy.json', 'key-policy.json']);
    const expected = build({ keyArn: KEY, admins: [], consumers: ['arn:aws:iam::111122223333:user/John'], access: 'iam', services: ['secretsmanager'], regions: [] });
    expect(readFileSync(join(dir, 'key-policy.json'), 'utf8')).toBe(serializePolicy(expected.keyPolicy));
    expect(readFileSync(join(dir, 'iam-policy.json'), 'utf8')).toBe(serializePolicy(expected.iamPolicies[0]!.policy));
    expect(r.stdout).toContain('aws kms put-key-policy --key-id ' + KEY);
    expect(r.stdout).toContain('aws iam attach-user-policy --user-name John');
    expect(r.stdout).toContain('expect AccessDeniedException');
  });

  it('gives the same bytes on every run, whatever the flag order', async () => {
    const a = await runCli(['generate', '--key-arn', KEY, '--service', 's3', '--service', 'ebs', '--region', 'us-east-1,us-west-2', '--stdout']);
    const b = await runCli(['generate', '--region', 'us-west-2', '--service', 'ebs,s3', '--region', 'us-east-1', '--key-arn', KEY, '--stdout']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toContain('// ==> key-policy.json <==');
  });

  it('writes one IAM file per other consumer account', async () => {
    const dir = tmp();
    const r = await runCli(['generate', '--key-arn', KEY, '--service', 'secretsmanager', '--consumer', '444455556666', '--out', 'policies'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'policies')).sort()).toEqual(['iam-policy-444455556666.json', 'key-policy.json']);
    expect(r.stdout).toContain('Wrote into policies');
  });

  it('refuses to overwrite without --force, names the files, writes nothing, exits 1', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'key-policy.json'), 'MINE\n');
    const r = await runCli(['generate', '--key-arn', KEY, '--service', 'secretsmanager'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nothing written: key-policy\.json already exists/);
    expect(r.stderr).toMatch(/--force/);
    expect(readFileSync(join(dir, 'key-policy.json'), 'utf8')).toBe('MINE\n');
    expect(existsSync(join(dir, 'iam-policy.json'))).toBe(false);
    const forced = await runCli(['generate', '--key-arn', KEY, '--service', 'secretsmanager', '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, 'key-policy.json'), 'utf8')).toContain('"KeyAdministrators"');
  });

  it('--dry-run writes nothing and reports files in the way', async () => {
    const dir = tmp();
    const clean = await runCli(['generate', '--key-arn', KEY, '--service', 'secretsmanager', '--dry-run'], { cwd: dir });
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain('Dry run');
    expect(readdirSync(dir)).toEqual([]);
    writeFileSync(join(dir, 'iam-policy.json'), '{}');
    const blocked = await runCli(['generate', '--key-arn', KEY, '--service', 'secretsmanager', '--dry-run'], { cwd: dir });
    expect(blocked.code).toBe(1);
    expect(blocked.stdout).toContain('refused without --force');
  });

  it('--json prints one object with policies, file paths, notes and warnings', async () => {
    const dir = tmp();
    const r = await runCli(['generate', '--key-arn', KEY, '--service', 'ebs', '--consumer', '444455556666', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.keyPolicy.Statement[0].Sid).toBe('KeyAdministrators');
    expect(out.iamPolicies[0].fileName).toBe('iam-policy-444455556666.json');
    expect(out.files.map((f: { path: string }) => f.path)).toEqual([join(dir, 'key-policy.json'), join(dir, 'iam-policy-444455556666.json')]);
    expect(out.files.every((f: { written: boolean }) => f.written)).toBe(true);
    expect(out.warnings[0].message).toMatch(/needs both sides/);
    expect(out.notes.join(' ')).toMatch(/EBS is named "ec2"/);
    expect(existsSync(join(dir, 'key-policy.json'))).toBe(true);
  });

  it('an output path that cannot be a directory is a clear error and writes nothing', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'blocker'), '');
    const r = await runCli(['generate', '--key-arn', KEY, '--service', 'secretsmanager', '--out', 'blocker/sub'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nothing written: could not write into blocker\/sub/);
    expect(r.stderr).not.toMatch(/unexpected error/);
    expect(readdirSync(dir)).toEqual(['blocker']);
  });

  it('a write that fails half-way rolls back: no partial set, no temp files', async () => {
    const dir = tmp();
    // The second target is a non-empty directory, so its rename fails after the first succeeded.
    mkdirSync(join(dir, 'iam-policy.json'));
    writeFileSync(join(dir, 'iam-policy.json', 'keep'), 'x');
    const r = await runCli(['generate', '--key-arn', KEY, '--service', 'secretsmanager', '--force'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nothing written/);
    expect(readdirSync(dir)).toEqual(['iam-policy.json']);
    expect(readdirSync(join(dir, 'iam-policy.json'))).toEqual(['keep']);
  });

  it.each<[string, string[], RegExp]>([
    ['missing --key-arn', ['--service', 'secretsmanager'], /missing --key-arn/],
    ['missing --service', ['--key-arn', KEY], /missing --service/],
    ['key id instead of ARN', ['--key-arn', '1234abcd-12ab-34cd-56ef-1234567890ab', '--service', 's3'], /is a key id, not a key ARN[\s\S]*describe-key/],
    ['alias ARN', ['--key-arn', 'arn:aws:kms:us-east-1:111122223333:alias/app', '--service', 's3'], /alias ARN/],
    ['malformed ARN', ['--key-arn', 'arn:aws:kms:us-east-1:1111:key/x', '--service', 's3'], /--key-arn .*12-digit/],
    ['unknown flag', ['--key-arn', KEY, '--servce', 's3'], /unknown option --servce \(did you mean --service\?\)/],
    ['unknown service', ['--key-arn', KEY, '--service', 'secretmanager'], /did you mean secretsmanager/],
    ['S3 server access logs (AmazonS3 enable-server-access-logging.html: SSE-S3 only)', ['--key-arn', KEY, '--service', 's3-access-logs'], /only with SSE-S3/],
    ['source ARN for a service not chosen', ['--key-arn', KEY, '--service', 'logs', '--source-arn', 'arn:aws:cloudtrail:us-east-1:111122223333:trail/t'], /Add --service cloudtrail/],
    ['bad Region', ['--key-arn', KEY, '--service', 's3', '--region', 'us-est-1'], /Did you mean us-east-1/],
    ['bad account id', ['--key-arn', KEY, '--service', 's3', '--consumer', '1111222233'], /12 digits; "1111222233" has 10/],
    ['bad access mode', ['--key-arn', KEY, '--service', 's3', '--access', 'everyone'], /--access must be one of iam, principals, account/],
    ['bad format', ['--key-arn', KEY, '--service', 's3', '--format', 'xml'], /--format must be one of/],
    ['flag without value', ['--key-arn'], /--key-arn needs a value/],
    ['stray argument', ['--key-arn', KEY, 'extra'], /unexpected argument "extra"/],
  ])('usage error: %s -> exit 2, one paragraph, no stack trace', async (_name, args, message) => {
    const dir = tmp();
    const r = await runCli(['generate', ...args], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain('kms-wizard generate --help');
    expect(r.stderr).not.toMatch(/\n\s+at .*\.js:\d+/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('--help and --version work and do not need other flags', async () => {
    const h = await runCli(['generate', '--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('--key-arn ARN');
    expect(h.stdout).toContain('secretsmanager');
    const v = await runCli(['generate', '--version']);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
