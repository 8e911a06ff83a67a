// kms-wizard generate --from with the accounts' exports (issue 19, "Also"): besides each statement's
// fate and the request-level access change, who among the exports' real principals gains and loses
// access. The built binary, on the synthetic organization of test/fixtures/who-can/org.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { ORG_DIR, ORG_KEY, type PrincipalChangeJson } from '../helpers/who-can-org.js';

const D = ORG_DIR;
const KEY = ORG_KEY;
const generate = (...more: string[]) => runCli(['generate', '--from', `${D}/key-policy.json`, '--key-arn', KEY, '--service', 's3', ...more]);
const exports = ['--account-details', `${D}/prod-account.json`, '--grants', `${D}/grants.json`];

type Change = PrincipalChangeJson;

describe('kms-wizard generate --from --account-details', () => {
  test('the explanation names the real principals: App loses its direct use, bob keeps Decrypt only through S3', async () => {
    const r = await generate(...exports, '--stdout');
    expect(r.code).toBe(0);
    const section = r.stderr.slice(r.stderr.indexOf('Who can use the key'));
    expect(section).toMatch(/^Who can use the key: \d+ principals? of the exports gain or lose access:/);
    // App had no IAM policy: the statement naming it ('Allow use of the key') was all it had, and the new policy replaces it.
    expect(section).toMatch(/\n {2}role\/App in 222222222222\n(.*\n)*? {6}loses Decrypt, DescribeKey, Encrypt, .*directly\n {8}was: key policy statement 'Allow use of the key'/);
    // bob's group allows Decrypt; the new policy lets IAM decide only through S3 (kms:ViaService).
    expect(section).toMatch(/\n {2}user\/bob in 222222222222\n {6}gains Decrypt through s3\.eu-west-1\.amazonaws\.com\n.*\n {6}loses Decrypt, DescribeKey directly\n/);
    // The key policy's takeover paths through the root statement go with it.
    expect(section).toMatch(/\n {2}role\/PowerDev in 222222222222\n(.*\n)*? {6}loses takeover kms:PutKeyPolicy: /);
    expect(section).toContain('no SCPs given: none are assumed to restrict these principals');
  });

  test('--json adds principalChanges and principalNotes next to accessChanges', async () => {
    const r = await generate(...exports, '--stdout', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { accessChanges: unknown[]; principalChanges: Change[]; principalNotes: string[] };
    expect(out.accessChanges.length).toBeGreaterThan(0);
    expect(out.principalChanges).toContainEqual(expect.objectContaining({ kind: 'access', principal: 'arn:aws:iam::222222222222:user/bob', change: 'gains', action: 'kms:Decrypt', via: 'service', services: ['s3.eu-west-1.amazonaws.com'] }));
    expect(out.principalChanges).toContainEqual(expect.objectContaining({ kind: 'takeover', principal: 'arn:aws:iam::222222222222:role/PowerDev', change: 'loses', action: 'kms:PutKeyPolicy' }));
    expect(out.principalNotes.length).toBeGreaterThan(0);
  });

  test('without the export flags the JSON is what it was', async () => {
    const out = JSON.parse((await generate('--stdout', '--json')).stdout) as Record<string, unknown>;
    expect(out).not.toHaveProperty('principalChanges');
    expect(out).not.toHaveProperty('principalNotes');
  });

  test('a malformed account export exits 1 naming the file and the field, and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'generate-who-can-'));
    const bad = join(dir, 'no-default.json');
    // Only the default version of a managed policy is in force ("Versioning IAM policies"): without it the export is useless.
    const account = JSON.parse(readFileSync(`${D}/prod-account.json`, 'utf8')) as { Policies: { DefaultVersionId?: string; PolicyVersionList: { IsDefaultVersion: boolean }[] }[] };
    delete account.Policies[0]!.DefaultVersionId;
    for (const v of account.Policies[0]!.PolicyVersionList) v.IsDefaultVersion = false;
    writeFileSync(bad, JSON.stringify(account));
    const out = join(dir, 'out');
    const r = await generate('--account-details', bad, '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no-default\.json: Policies\[0\]\.PolicyVersionList: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(() => readdirSync(out)).toThrow();
  });

  test('--account-details without --from is a usage error (exit 2)', async () => {
    const r = await runCli(['generate', '--key-arn', KEY, '--service', 's3', '--stdout', ...exports]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--account-details needs --from FILE/);
  });

  test('--help lists the export flags', async () => {
    const r = await runCli(['generate', '--help']);
    expect(r.stdout).toMatch(/--account-details FILE aws iam get-account-authorization-details/);
    expect(r.stdout).toMatch(/They need --from/);
    expect(r.stdout).toContain('principalChanges');
  });
});
