// The one reader of policy files and standard input (lint, explain, simulate, diff, --from).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { CliError, UsageError } from '../../../src/cli/errors.js';
import type { CommandIo } from '../../../src/cli/io.js';
import { readPolicyTexts } from '../../../src/commands/policy-files.js';

const io = (stdin: NodeJS.ReadableStream & { isTTY?: boolean }, cwd = process.cwd()): CommandIo => ({ stdin, stdout: process.stdout, stderr: process.stderr, env: {}, cwd });

describe('readPolicyTexts', () => {
  test('"-" with a terminal on standard input: a usage error that says what to do instead', async () => {
    const tty = Object.assign(Readable.from([]), { isTTY: true });
    const err = await readPolicyTexts(['-'], io(tty)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toBe('"-" reads a policy from standard input, but standard input is a terminal: pipe the policy in (cat policy.json | kms-wizard ...), or give its file name instead of "-"');
  });

  test('standard input over the limit is refused naming the limit (exit 2); under it, it is read as <stdin>', async () => {
    const big = await readPolicyTexts(['-'], io(Readable.from([Buffer.alloc(600), Buffer.alloc(600)])), { maxBytes: 1000 }).catch((e: unknown) => e);
    expect(big).toBeInstanceOf(CliError);
    expect((big as Error).message).toBe('standard input is over the 1,000-byte input limit');
    expect(await readPolicyTexts(['-'], io(Readable.from([Buffer.from('{"a":1}')])), { maxBytes: 1000 })).toEqual([{ name: '<stdin>', text: '{"a":1}' }]);
  });

  test('the limits decide the file size refused and the hint for a directory; every unreadable file is named at once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kmsw-read-'));
    writeFileSync(join(dir, 'p.json'), 'x'.repeat(2000));
    const err = await readPolicyTexts(['p.json', '.', 'none.json'], io(Readable.from([]), dir), { maxBytes: 1000, directoryHint: ' (give the policy files inside it)' }).catch((e: unknown) => e);
    expect((err as Error).message.split('\n')).toEqual([
      'cannot read p.json: it is 2,000 bytes, over the 1,000-byte input limit',
      'cannot read .: it is a directory (give the policy files inside it)',
      'cannot read none.json: no such file',
    ]);
  });
});
