// Copying from the wizard to a real X clipboard (Xvfb + xsel), and what
// happens when no clipboard can be reached: the reason, and the policies
// printed instead. Linux only (an X clipboard); in CI on Linux this must run:
// missing tools fail the test. Skipped elsewhere, with the reason in its name.
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { KEYS, spawnPty } from '../helpers/pty.js';
import { clipboardTestRequired, missingClipboardTools, readClipboard, startXvfb, type Display } from '../helpers/xvfb.js';

const KEY_ARN = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const FLAGS = ['--key-arn', KEY_ARN, '--service', 'secretsmanager', '--admin', '111122223333', '--consumer', '111122223333', '--access', 'iam', '--region', 'us-east-1', '--actions', ''];
const tmp = () => mkdtempSync(join(tmpdir(), 'kms-wizard-clip-'));
const missing = missingClipboardTools();
const linuxOnly = process.platform === 'linux' ? '' : ` (skipped: Linux only, this is ${process.platform})`;

/** The text generate prints with --stdout: what the clipboard must hold. */
async function expectedText(): Promise<string> {
  const run = await runCli(['generate', ...FLAGS, '--stdout']);
  expect(run.code).toBe(0);
  return run.stdout;
}

/** Runs the wizard to the output step and chooses "Copy". */
async function copyFromWizard(env: NodeJS.ProcessEnv, cwd: string) {
  const t = spawnPty(FLAGS, { cwd, env, cols: 100 });
  await t.waitFor('Step 9 of 10: Review');
  t.write(KEYS.enter);
  await t.waitFor('Step 10 of 10: Output');
  t.write(KEYS.down + KEYS.enter);
  return t;
}

describe('real X clipboard', () => {
  if (missing && clipboardTestRequired()) {
    test('Xvfb and xsel are installed (required in CI on Linux)', () => {
      throw new Error(`the clipboard test cannot run: ${missing}`);
    });
    return;
  }
  let x: Display | undefined;
  beforeAll(async () => {
    if (!missing) x = await startXvfb();
  });
  afterAll(async () => x?.stop());

  test.skipIf(Boolean(missing))(`copy from the wizard, read back with xsel${missing ? ` (skipped: ${missing})` : ''}`, async () => {
    const cwd = tmp();
    const t = await copyFromWizard({ DISPLAY: x!.display }, cwd);
    await t.waitFor('Copied the policies to the clipboard of this machine.');
    t.write(KEYS.enter);
    expect((await t.exited).exitCode).toBe(0);
    expect(readClipboard(x!.display)).toBe(await expectedText());
    expect(readdirSync(cwd)).toEqual([]);
  });
});

describe('no clipboard', () => {
  // Without DISPLAY only Linux has no clipboard: macOS's pbcopy needs none.
  test.skipIf(linuxOnly !== '')(`without a display: the reason is shown, the policies are printed, exit 0${linuxOnly}`, async () => {
    const cwd = tmp();
    const t = await copyFromWizard({ DISPLAY: undefined, WAYLAND_DISPLAY: undefined }, cwd);
    await t.waitFor('Could not copy to the clipboard');
    // The real cause (no display), not clipboardy's "could not find xsel".
    expect(t.text()).toMatch(/display/i);
    t.write(KEYS.enter);
    expect((await t.exited).exitCode).toBe(0);
    const printed = t.raw().replace(/\r\n/g, '\n');
    for (const line of (await expectedText()).split('\n').filter((l) => l.includes('"Sid"'))) expect(printed).toContain(line);
    expect(printed).toContain('The policies are printed instead.');
  });

  test('over SSH: the OSC 52 escape carries the policies to the local terminal', async () => {
    const t = await copyFromWizard({ SSH_TTY: '/dev/pts/9', SSH_CONNECTION: '10.0.0.1 5555 10.0.0.2 22' }, tmp());
    await t.waitFor('OSC 52');
    const m = /\u001B\]52;c;([A-Za-z0-9+/=]+)\u0007/.exec(t.raw());
    expect(m).not.toBeNull();
    expect(Buffer.from(m![1]!, 'base64').toString('utf8')).toBe(await expectedText());
    t.write(KEYS.enter);
    expect((await t.exited).exitCode).toBe(0);
  });
});
