// The accessible wizard (@inquirer/prompts, one question at a time) in a real pty.
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { KEYS, spawnPty } from '../helpers/pty.js';

const KEY_ARN = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const tmp = () => mkdtempSync(join(tmpdir(), 'kms-wizard-acc-e2e-'));
const files = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

test.each([
  ['--accessible', ['--accessible'], {}],
  ['ACCESSIBLE=1', [], { ACCESSIBLE: '1' }],
  ['TERM=dumb', [], { TERM: 'dumb' }],
])('%s: Enter on every question writes the same files as generate', async (_, extra, env) => {
  const flags = ['--key-arn', KEY_ARN, '--service', 'secretsmanager'];
  const cwd = tmp();
  const t = spawnPty([...extra, ...flags], { cwd, env });
  let at = 0;
  for (const prompt of ['Administrator role or user ARNs', 'Choose 1 to 3 (', 'Account ids', 'Regions, separated by commas', 'Press Enter to keep them', 'Choose 1 to 3 (', 'Format, 1 to', 'Directory to write into']) {
    at = await t.waitForOutput(prompt, at);
    t.write(KEYS.enter);
  }
  const { exitCode } = await t.exited;
  expect(exitCode).toBe(0);
  expect(t.raw()).toContain('Wrote into .: key-policy.json, iam-policy.json.');
  const gen = tmp();
  expect((await runCli(['generate', ...flags], { cwd: gen })).code).toBe(0);
  expect(files(cwd)).toEqual(files(gen));
});

test('--accessible: a wrong answer is refused with the fix, and Ctrl-C exits 130 writing nothing', async () => {
  const cwd = tmp();
  const t = spawnPty(['--accessible'], { cwd });
  await t.waitFor('Step 1 of 10, Start');
  await t.waitFor('Choose 1 to 3 (');
  t.write(KEYS.enter); // an existing key
  await t.waitFor('Key ARN');
  t.write('alias/app\r');
  await t.waitFor('is an alias name, not a key ARN');
  t.write(KEYS.ctrlC);
  expect((await t.exited).exitCode).toBe(130);
  expect(readdirSync(cwd)).toEqual([]);
});

test('--accessible as a screen reader hears it: each question says how to go back and cancel, a numbered choice is said in words once answered, and "back" returns to the previous question', async () => {
  const cwd = tmp();
  const t = spawnPty(['--accessible'], { cwd, cols: 100, rows: 60 });
  let at = await t.waitForOutput('Choose 1 to 3 (type back to go back, Ctrl-C to cancel):');
  t.write(KEYS.enter); // the default: an existing key
  at = await t.waitForOutput('Key ARN', at);
  await t.waitFor('✔ Choose 1 to 3: an existing key');
  t.write(`${KEY_ARN}\r`);
  at = await t.waitForOutput('Administrator role or user ARNs', at);
  await t.settle();
  t.write('back\r');
  at = await t.waitForOutput('Back to Step 2 of 10, Key.', at);
  await t.waitForOutput('Key ARN', at);
  await t.settle();
  // On screen: the answered lines without the hint, the waiting question with it, once.
  const screen = t.screen().join(''); // rows joined: a long question wraps
  expect(screen).toContain('✔ Choose 1 to 3: an existing key');
  expect(screen).not.toContain('✔ Choose 1 to 3 (');
  expect(screen.split('type back to go back, Ctrl-C to cancel').length - 1).toBe(1);
  t.write(KEYS.ctrlC);
  expect((await t.exited).exitCode).toBe(130);
  expect(readdirSync(cwd)).toEqual([]);
});

test('--accessible after the review: "back" at the directory returns to the format, its choice offered again', async () => {
  const cwd = tmp();
  const flags = ['--key-arn', KEY_ARN, '--service', 's3', '--admin', '111122223333', '--access', 'iam', '--consumer', '111122223333', '--region', 'us-east-1', '--actions', 'kms:Decrypt'];
  const t = spawnPty(['--accessible', ...flags], { cwd, cols: 120, rows: 60 });
  let at = await t.waitForOutput('Choose 1 to 3 (type back to go back, Ctrl-C to cancel):');
  t.write(KEYS.enter); // write the files
  at = await t.waitForOutput('Format, 1 to', at);
  t.write('2\r'); // terraform
  at = await t.waitForOutput('Directory to write into', at);
  await t.settle();
  t.write('back\r');
  at = await t.waitForOutput('Back to the format.', at);
  await t.waitForOutput('(2)', at); // terraform, the answer given, is the default
  t.write(KEYS.ctrlC);
  expect((await t.exited).exitCode).toBe(130);
  expect(readdirSync(cwd)).toEqual([]);
});
