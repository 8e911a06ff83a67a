import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const KEY = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const base = ['generate', '--key-arn', KEY, '--service', 'secretsmanager', '--consumer', '999988887777'];

describe('generate --stdout FILE (built binary)', () => {
  it('prints only that file, as pure JSON (pipes into jq or put-key-policy --policy file:///dev/stdin)', async () => {
    for (const [name, sid] of [['key-policy', /"Principal"/], ['iam-policy-999988887777', /"Resource": "arn:aws:kms:/], ['key-policy.json', /"Principal"/]] as const) {
      const r = await runCli([...base, '--stdout', name]);
      expect(r.code).toBe(0);
      expect(r.stdout).not.toContain('// ==>');
      expect(() => JSON.parse(r.stdout)).not.toThrow();
      expect(r.stdout).toMatch(sid);
    }
    const eq = await runCli([...base, '--stdout=key-policy']);
    expect(JSON.parse(eq.stdout).Statement.length).toBeGreaterThan(0);
  });
  it('keeps the // ==> headers when several files are printed', async () => {
    const r = await runCli([...base, '--stdout']);
    expect(r.stdout).toContain('// ==> key-policy.json <==');
    expect(r.stdout).toContain('// ==> iam-policy-999988887777.json <==');
  });
  it('a single-file run prints that file bare too: pure JSON, no header', async () => {
    // Only IAM principals of the key's account, named in the key policy: no IAM policy is written.
    const r = await runCli(['generate', '--key-arn', KEY, '--service', 'secretsmanager', '--access', 'principals', '--consumer', 'arn:aws:iam::111122223333:role/app', '--stdout']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('// ==>');
    expect(JSON.parse(r.stdout).Statement.length).toBeGreaterThan(0);
  });

  it('the file printed alone escapes bidi and line-separator characters kept from --from, as the full print does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kmsw-stdout-'));
    const sid = 'A\u202eB\u0085C\u2028D';
    const current = {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' },
        { Sid: sid, Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/r' }, Action: 'kms:Decrypt', Resource: '*' },
      ],
    };
    writeFileSync(join(dir, 'current.json'), JSON.stringify(current));
    const r = await runCli(['generate', '--key-arn', KEY, '--service', 'secretsmanager', '--from', 'current.json', '--keep', '#2', '--stdout', 'key-policy'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/[\u202e\u0085\u2028]/);
    expect(r.stdout).toContain('"Sid": "A\\u202eB\\u0085C\\u2028D"');
    expect(JSON.parse(r.stdout).Statement.map((s: { Sid: string }) => s.Sid)).toContain(sid);
  });

  it('refuses a file this run does not write, naming those it does (exit 2)', async () => {
    const r = await runCli([...base, '--stdout', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--stdout nope: no such file; this run writes key-policy, iam-policy-999988887777');
  });
});
