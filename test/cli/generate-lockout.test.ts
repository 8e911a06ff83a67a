// Lockout with a named administrator (issue 18): KMS's lockout safety check
// (CreateKey / PutKeyPolicy API Reference) refuses a key policy that would not
// let the caller call PutKeyPolicy later, so with --admin the next steps of
// every format say who must create the key or apply its policy, and never
// suggest bypassing the check.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'kmsw-lockout-'));
const ADMIN = 'arn:aws:iam::111122223333:role/KeyAdmin';
const KEY = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const NEW = ['--new-key', '--account', '111122223333', '--region', 'us-east-1'];

interface Step {
  title: string;
  commands: string[];
}
async function steps(args: string[]): Promise<Step[]> {
  const r = await runCli(['generate', ...args, '--service', 'secretsmanager', '--json'], { cwd: tmp() });
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { nextSteps: Step[] }).nextSteps;
}
const index = (s: Step[], re: RegExp) => s.findIndex((x) => x.commands.some((c) => re.test(c)) || re.test(x.title));

describe('a named --admin: who runs the step that sets the policy', () => {
  it.each(['json', 'terraform', 'cloudformation', 'cdk'])('%s, new key: a lockout step comes before the step that creates the key', async (format) => {
    const s = await steps([...NEW, '--admin', ADMIN, '--format', format]);
    const who = index(s, /lockout safety check/);
    const creates = index(s, format === 'json' ? /aws kms create-key/ : format === 'terraform' ? /terraform -chdir=\. apply/ : format === 'cloudformation' ? /aws cloudformation deploy/ : /npx cdk deploy/);
    expect(who).toBeGreaterThan(-1);
    expect(who).toBeLessThan(creates);
    expect(s[who]!.title).toContain(ADMIN);
    const text = s.flatMap((x) => [x.title, ...x.commands]).join('\n');
    expect(text).not.toMatch(/--bypass-policy-lockout-safety-check|BypassPolicyLockoutSafetyCheck\s*[:=]\s*true/i);
  });

  it('json: the profile commands assume the administrator role', async () => {
    const s = await steps([...NEW, '--admin', ADMIN]);
    expect(s[0]!.commands).toEqual([`aws configure set profile.kms-key-admin.role_arn ${ADMIN}`, 'aws configure set profile.kms-key-admin.source_profile default', 'export AWS_PROFILE=kms-key-admin']);
  });

  it('cdk names the bootstrap execution role, which makes the CreateKey call', async () => {
    const s = await steps([...NEW, '--admin', ADMIN, '--format', 'cdk']);
    expect(s[index(s, /lockout safety check/)]!.title).toContain('cdk-hnb659fds-cfn-exec-role-111122223333-us-east-1');
  });

  it('existing key: the lockout step comes before put-key-policy', async () => {
    const s = await steps(['--key-arn', KEY, '--admin', ADMIN]);
    expect(index(s, /lockout safety check/)).toBeLessThan(index(s, /aws kms put-key-policy/));
    expect(index(s, /lockout safety check/)).toBeGreaterThan(-1);
  });

  it('a user administrator: use its own credentials (no role to assume)', async () => {
    const s = await steps([...NEW, '--admin', 'arn:aws:iam::111122223333:user/alice']);
    expect(s[0]!.title).toContain("use arn:aws:iam::111122223333:user/alice's own credentials");
    expect(s[0]!.commands).toEqual([]);
  });

  it('the account root administers (default, or given): IAM decides, no lockout step', async () => {
    for (const args of [[...NEW], [...NEW, '--admin', '111122223333', '--admin', ADMIN]]) {
      expect(index(await steps(args), /lockout safety check/)).toBe(-1);
    }
  });
});
