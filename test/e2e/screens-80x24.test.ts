// Things seen at 80x24 in a real pty: lesson JSON wrapped so list items line
// up, the administrators placeholder in the key's own account, and Review's
// overview saying which actions go through which service.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEYS, spawnPty } from '../helpers/pty.js';

const size = { cols: 80, rows: 24 };
const tmp = (p: string) => mkdtempSync(join(tmpdir(), p));
const flat = (s: string) => s.replace(/\s+/g, ' ');

describe('80x24', () => {
  it('a lesson policy wrapped mid-list keeps "kms:List*" under the list, level with "kms:Put*"', async () => {
    const t = spawnPty(['learn', 'via-service'], { ...size, env: { KMS_WIZARD_CONFIG_DIR: tmp('kmsw-80x24-learn-') } });
    await t.waitFor(/Lesson 3\/\d+ /);
    await t.settle();
    t.write('nnn');
    await t.waitFor('"kms:Put*"');
    const rows = t.screen();
    const list = rows.find((r) => r.trimStart().startsWith('"kms:List*"'));
    const put = rows.find((r) => r.trimStart().startsWith('"kms:Put*"'));
    expect(list, rows.join('\n')).toBeDefined();
    expect(list!.indexOf('"kms:List*"')).toBe(put!.indexOf('"kms:Put*"'));
    t.write('q');
    expect((await t.exited).exitCode).toBe(0);
  });

  it("the administrators step suggests a role in the key's own account", async () => {
    const key = 'arn:aws:kms:eu-west-1:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    const t = spawnPty(['--key-arn', key], { ...size, cwd: tmp('kmsw-80x24-admins-') });
    await t.waitFor('Step 3 of 10: Administrators');
    await t.waitFor('arn:aws:iam::444455556666:role/KeyAdmin');
    expect(t.text()).not.toContain('111122223333');
    t.write(KEYS.ctrlC);
    expect((await t.exited).exitCode).toBe(130);
  });

  it("Review's overview says CreateGrant goes only through EC2, Secrets Manager's actions through Secrets Manager", async () => {
    const key = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    const t = spawnPty(['--key-arn', key, '--service', 'secretsmanager', '--service', 'ebs', '--admin', 'arn:aws:iam::111122223333:role/KeyAdmin'], { ...size, cwd: tmp('kmsw-80x24-review-') });
    await t.waitFor('Step 4 of 10: Trust');
    for (const next of ['Step 5 of 10: Consumers', 'Step 7 of 10: Regions', 'Step 8 of 10: Actions', 'Step 9 of 10: Review']) {
      t.write(KEYS.enter);
      await t.waitFor(next);
    }
    await t.waitFor('secretsmanager.us-east-1.amazonaws.com. A principal needs both');
    const text = flat(t.text());
    expect(text).toMatch(/allow CreateGrant \(for AWS resources only\), Decrypt, DescribeKey, GenerateDataKeyWithoutPlaintext and ReEncrypt\*, only through ec2\.us-east-1\.amazonaws\.com; and Decrypt and GenerateDataKey, only through secretsmanager/);
    t.write(KEYS.ctrlC);
    expect((await t.exited).exitCode).toBe(130);
  });
});
