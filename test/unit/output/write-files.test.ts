// The set of generated files is written all or nothing (issue 22, "Writes
// are all-or-nothing"): a key policy must never be left beside an IAM policy
// of another run, or replaced while its pair is not.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { FilesExistError, writeFilesAtomically } from '../../../src/output/write-files.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'kmsw-write-'));
const pair = (tag: string) => [
  { name: 'key-policy.json', content: `key ${tag}\n`, description: '' },
  { name: 'iam-policy.json', content: `iam ${tag}\n`, description: '' },
];

describe('writeFilesAtomically', () => {
  test.runIf(existsSync('/proc/self'))('--out /proc/x: an error at once, not a loop (Node\'s recursive mkdir spins there)', async () => {
    await expect(writeFilesAtomically('/proc/kms-wizard-test/x', pair('a'), { force: false })).rejects.toMatchObject({ code: 'ENOENT' });
  }, 5000);

  test('missing parent directories are made', async () => {
    const dir = join(tmp(), 'a', 'b');
    await writeFilesAtomically(dir, pair('a'), { force: false });
    expect(readdirSync(dir).sort()).toEqual(['iam-policy.json', 'key-policy.json']);
  });

  test('two runs at once without --force: one writes, the other is refused; the pair on disk is one run\'s', async () => {
    const dir = tmp();
    const results = await Promise.allSettled([writeFilesAtomically(dir, pair('a'), { force: false }), writeFilesAtomically(dir, pair('b'), { force: false })]);
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.reason).toBeInstanceOf(FilesExistError);
    const key = readFileSync(join(dir, 'key-policy.json'), 'utf8');
    const iam = readFileSync(join(dir, 'iam-policy.json'), 'utf8');
    expect(key.slice(4)).toBe(iam.slice(4));
    expect(readdirSync(dir).sort()).toEqual(['iam-policy.json', 'key-policy.json']);
  });

  test('--force, and the second file cannot be put in place: the first is put back as it was, no temp file left', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'key-policy.json'), 'old key\n');
    // A directory where the IAM policy goes: its rename fails after key-policy.json was replaced.
    mkdirSync(join(dir, 'iam-policy.json'));
    writeFileSync(join(dir, 'iam-policy.json', 'inside'), '');
    await expect(writeFilesAtomically(dir, pair('new'), { force: true })).rejects.toThrow();
    expect(readFileSync(join(dir, 'key-policy.json'), 'utf8')).toBe('old key\n');
    expect(readdirSync(dir).sort()).toEqual(['iam-policy.json', 'key-policy.json']);
  });

  test('--force replaces both and leaves no backup behind', async () => {
    const dir = tmp();
    await writeFilesAtomically(dir, pair('a'), { force: false });
    await writeFilesAtomically(dir, pair('b'), { force: true });
    expect(readFileSync(join(dir, 'key-policy.json'), 'utf8')).toBe('key b\n');
    expect(readdirSync(dir).sort()).toEqual(['iam-policy.json', 'key-policy.json']);
  });

  test('a temp file left by a killed run (SIGKILL cannot be caught) is removed by the next write; a live run\'s is not', async () => {
    const dir = tmp();
    const dead = '.key-policy.json.kms-wizard-999999999-abc123.tmp';
    const live = `.key-policy.json.kms-wizard-${process.ppid}-abc123.tmp`;
    writeFileSync(join(dir, dead), 'half');
    writeFileSync(join(dir, live), 'in progress');
    await writeFilesAtomically(dir, pair('a'), { force: false });
    expect(readdirSync(dir).sort()).toEqual([live, 'iam-policy.json', 'key-policy.json'].sort());
  });
});

describe.runIf(existsSync('/proc/self'))('generate --out /proc/x through the built CLI', () => {
  test('exits 1 with "nothing written", at once', async () => {
    const { runCli } = await import('../../helpers/cli.js');
    const r = await runCli(['generate', '--key-arn', 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab', '--service', 'secretsmanager', '--out', '/proc/kms-wizard-x']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nothing written: could not write into .*proc\/kms-wizard-x: ENOENT/);
  }, 10_000);
});
