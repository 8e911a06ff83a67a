// The built CLI in a real pseudo-terminal (node-pty + a headless xterm), as
// a user runs it: no CI in the environment (Ink would draw only the last frame).
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { SERVICE_CHOICES } from '../../src/ui/choices.js';
import { runCli } from '../helpers/cli.js';
import { KEYS, spawnPty } from '../helpers/pty.js';

const KEY_ARN = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const tmp = () => mkdtempSync(join(tmpdir(), 'kms-wizard-e2e-'));
const files = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

/** What `kms-wizard generate` writes for the same flags. */
async function generateFiles(flags: string[]): Promise<Record<string, string>> {
  const dir = tmp();
  const run = await runCli(['generate', ...flags], { cwd: dir });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return files(dir);
}

describe('wizard in a pseudo-terminal', () => {
  test('flags pre-answer; Enter through every other step writes the same bytes as generate and exits 0', async () => {
    const flags = ['--key-arn', KEY_ARN, '--service', 'secretsmanager', '--service', 'ebs', '--admin', 'arn:aws:iam::111122223333:role/KeyAdmin'];
    const cwd = tmp();
    // Tall enough that the printed next steps (saving the current policy comes first) stay on screen.
    const t = spawnPty(flags, { cwd, rows: 40 });
    await t.waitFor('Step 4 of 10: Trust');
    expect(t.text()).toMatch(/✔ Administrators\s+arn:aws:iam::111122223333:role\/KeyAdmin \(--admin\)/);
    for (const next of ['Step 5 of 10: Consumers', 'Step 7 of 10: Regions', 'Step 8 of 10: Actions', 'Step 9 of 10: Review', 'Step 10 of 10: Output', 'Directory to write', 'Wrote into .']) {
      t.write(KEYS.enter);
      await t.waitFor(next);
    }
    t.write(KEYS.enter);
    const { exitCode } = await t.exited;
    expect(exitCode).toBe(0);
    expect(t.raw()).toContain('Next steps:'); // the transcript is longer than the screen
    expect(files(cwd)).toEqual(await generateFiles(flags));
  });

  test('Ctrl-C at a middle step leaves no file, restores the terminal and exits 130', async () => {
    const cwd = tmp();
    const t = spawnPty(['--key-arn', KEY_ARN], { cwd });
    await t.waitFor('Step 3 of 10: Administrators');
    t.write(KEYS.enter);
    await t.waitFor('Step 4 of 10: Trust');
    t.write(KEYS.enter);
    await t.waitFor('Step 5 of 10: Consumers');
    t.write(KEYS.ctrlC);
    const { exitCode } = await t.exited;
    expect(exitCode).toBe(130);
    expect(t.text()).toContain('cancelled, nothing was written');
    expect(readdirSync(cwd)).toEqual([]);
    // Ink shows the cursor again on the way out (it hid it while drawing).
    expect(t.raw().lastIndexOf('\u001B[?25h')).toBeGreaterThan(t.raw().lastIndexOf('\u001B[?25l'));
  });

  test('a burst of keys typed at once lands on the right choices', async () => {
    const t = spawnPty(['--key-arn', KEY_ARN, '--admin', '111122223333', '--access', 'iam', '--consumer', '111122223333'], { cwd: tmp() });
    await t.waitFor('Step 6 of 10: Services');
    // Down, Down, Space, Down, Space, Enter, then on Regions: Down, Space, Enter, all in one write.
    t.write('\u001B[B\u001B[B \u001B[B \r\u001B[B \r');
    await t.waitFor('Step 8 of 10: Actions');
    const [third, fourth] = SERVICE_CHOICES.slice(2, 4).map((c) => c.id);
    expect(t.text()).toMatch(new RegExp(`✔ Services\\s+${third}, ${fourth}\\s*\\n`));
    expect(t.text()).toMatch(/✔ Regions\s+us-east-1, af-south-1/);
    t.write(KEYS.ctrlC);
    expect((await t.exited).exitCode).toBe(130);
  });

  test('each frame replaces the last one: no stale lines are left on screen', async () => {
    const t = spawnPty([], { cwd: tmp() });
    await t.waitFor('Step 1 of 10: Start');
    t.write(KEYS.enter); // an existing key
    await t.waitFor('Step 2 of 10: Key');
    expect(t.text()).toContain('Find it with:');
    t.write('abc');
    await t.waitFor('is not an ARN');
    await t.settle();
    const inputs = t.screen().filter((l) => l.startsWith('> ')).map((l) => l.trimEnd());
    expect(inputs).toEqual(['> abc']);
    expect(t.text()).not.toContain('Find it with:');
    t.write(`${KEYS.ctrlU}${KEY_ARN}`);
    await t.waitFor('key in us-east-1');
    await t.settle();
    expect(t.text()).not.toContain('is not an ARN');
    expect(t.screen().filter((l) => l.startsWith('> ')).map((l) => l.trimEnd())).toEqual([`> ${KEY_ARN}`]);
    t.write(KEYS.ctrlC);
    await t.exited;
  });

  test('typing and pasting into a field, with Backspace, arrive in order', async () => {
    const t = spawnPty([], { cwd: tmp(), cols: 120 });
    await t.waitFor('Step 1 of 10: Start');
    t.write(KEYS.enter); // an existing key
    await t.waitFor('Step 2 of 10: Key');
    t.write(`${KEY_ARN}xy${KEYS.backspace}${KEYS.backspace}\r`);
    await t.waitFor('Step 3 of 10: Administrators');
    expect(t.text()).toMatch(new RegExp(`✔ Key {12}${KEY_ARN}\\s*\\n`));
    t.write(KEYS.ctrlC);
    await t.exited;
  });

  test('adapts to the terminal: 80x24 fits, and a wide terminal shows the why panel beside the step', async () => {
    const t = spawnPty(['--key-arn', KEY_ARN, '--service', 's3'], { cwd: tmp(), cols: 80, rows: 24 });
    await t.waitFor('Step 3 of 10: Administrators');
    expect(t.text()).not.toContain('── Why:');
    expect(t.screen()[0]).toContain('kms-wizard');
    expect(Math.max(...t.screen().map((l) => l.length))).toBeLessThanOrEqual(80);
    t.resize(130, 30);
    await t.waitFor(/rotate, disable or delete it. Administrators get no cryptographic actions/); // reflowed to 130
    t.write('?');
    await t.waitFor(/│ ── Why:/);
    t.write(KEYS.ctrlC);
    await t.exited;
  });

  test('NO_COLOR: no colour codes at all', async () => {
    const t = spawnPty(['--key-arn', KEY_ARN, '--service', 's3'], { cwd: tmp(), env: { NO_COLOR: '1' } });
    await t.waitFor('Step 3 of 10: Administrators');
    t.write('nope');
    await t.waitFor('✘');
    t.write(KEYS.ctrlC);
    await t.exited;
    expect(t.raw()).not.toMatch(/\u001B\[(3[0-9]|9[0-7]|1|2|7)m/);
  });

  test('with colour, the same run is coloured (so the NO_COLOR test can fail)', async () => {
    const t = spawnPty(['--key-arn', KEY_ARN, '--service', 's3'], { cwd: tmp() });
    await t.waitFor('Step 3 of 10: Administrators');
    t.write(KEYS.ctrlC);
    await t.exited;
    expect(t.raw()).toMatch(/\u001B\[(3[0-9]|1)m/);
  });

  test('CI=true in a terminal: exit 2 naming the flags, no TUI', async () => {
    const t = spawnPty(['--key-arn', KEY_ARN], { cwd: tmp(), file: '/usr/bin/env', rawArgs: ['CI=true', process.execPath, (await import('../helpers/cli.js')).CLI_BIN, '--key-arn', KEY_ARN] });
    const { exitCode } = await t.exited;
    expect(exitCode).toBe(2);
    expect(t.raw()).toContain('CI is set');
    expect(t.raw()).toContain('--service NAME');
    expect(t.raw()).not.toContain('Step 1 of 10');
  });
});

describe('without a terminal', () => {
  test('stdin from /dev/null: exit 2 with the generate flags for the open questions', async () => {
    const run = await runCli(['--key-arn', KEY_ARN], { cwd: tmp() });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('stdin is not a terminal');
    expect(run.stderr).toContain('kms-wizard generate --key-arn');
    expect(run.stderr).toMatch(/--service NAME\|VALUE/);
    expect(run.stderr).not.toMatch(/^ {2}--key-arn ARN/m); // answered: not listed as open
  });

  test('--no-interactive with every question answered points at generate', async () => {
    const run = await runCli(['--no-interactive', '--key-arn', KEY_ARN, '--service', 's3', '--admin', '111122223333', '--consumer', '111122223333', '--access', 'iam', '--region', 'us-east-1', '--actions', 'kms:Decrypt'], { cwd: tmp() });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Every question is answered');
    expect(run.stderr).toContain(`kms-wizard generate --key-arn ${KEY_ARN} --service s3`);
  });

  test('bad flags are usage errors before anything else', async () => {
    const run = await runCli(['--format', 'yaml'], { cwd: tmp() });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--format must be one of');
  });

  test('--help prints the wizard help', async () => {
    const run = await runCli(['wizard', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--accessible');
  });
});
