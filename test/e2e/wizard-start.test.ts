// The wizard's first question and the review's Changes tab, in the built CLI
// in a real pseudo-terminal, against `kms-wizard generate --from` run as a user runs it.
import { copyFileSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { KEYS, spawnPty } from '../helpers/pty.js';

const KEY_ARN = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const CONSOLE_DEFAULT = join(import.meta.dirname, '../fixtures/current-policy/console-default.json');
const tmp = () => mkdtempSync(join(tmpdir(), 'kms-wizard-start-e2e-'));
const policies = (dir: string) => Object.fromEntries(readdirSync(dir).filter((f) => /^(key|iam)-policy/.test(f)).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

describe('first question and Changes tab in a pseudo-terminal', () => {
  test('starting from the current policy file: its pre-answers, the Changes tab, and the same bytes as generate --from', async () => {
    const cwd = tmp();
    copyFileSync(CONSOLE_DEFAULT, join(cwd, 'current-key-policy.json'));
    const t = spawnPty([], { cwd, cols: 100, rows: 40 }); // narrower than the why panel's side-by-side width
    await t.waitFor('Step 1 of 10: Start');
    t.write(KEYS.down); // from the default, "an existing key"
    await t.waitFor(/› an existing key and its current policy/);
    t.write(KEYS.enter);
    await t.waitFor('Step 2 of 11: Key');
    t.write(`${KEY_ARN}\r`);
    await t.waitFor('Step 3 of 11: Current policy');
    expect(t.text().replace(/\s+/g, ' ')).toContain('--query Policy --output text > current-key-policy.json');
    t.write(KEYS.enter); // the default name
    await t.waitFor('Step 4 of 11: Administrators');
    expect(t.text()).toContain('✔ arn:aws:iam::111122223333:role/KMSAdminRole');
    t.write(KEYS.enter);
    await t.waitFor('Step 5 of 11: Trust');
    t.write(KEYS.enter);
    await t.waitFor('Step 6 of 11: Consumers');
    await t.waitFor('used the key directly');
    t.write(KEYS.tab);
    await t.waitFor('✔ arn:aws:iam::111122223333:role/app');
    t.write(KEYS.enter);
    await t.waitFor('Step 7 of 11: Services');
    t.write('secretsmanager');
    await t.waitFor('› [ ] secretsmanager');
    t.write(` ${KEYS.enter}`);
    await t.waitFor('Step 8 of 11: Regions');
    t.write(KEYS.enter);
    await t.waitFor('Step 9 of 11: Actions');
    t.write(KEYS.enter);
    await t.waitFor('Step 10 of 11: Review');
    await t.waitFor('Current policy: 0 statements kept, 3 replaced, 1 merged');
    t.write('2');
    await t.waitFor('What happens to each statement of current-key-policy.json');
    expect(t.text()).toMatch(/replaced #1 "Enable IAM User Permissions"/);
    t.write(KEYS.enter);
    await t.waitFor('Step 11 of 11: Output');
    t.write(KEYS.enter);
    await t.waitFor('Directory to write');
    t.write(KEYS.enter);
    await t.waitFor('Wrote into .');
    t.write(KEYS.enter);
    expect((await t.exited).exitCode).toBe(0);

    const gen = tmp();
    copyFileSync(CONSOLE_DEFAULT, join(gen, 'current-key-policy.json'));
    const run = await runCli(['generate', '--from', 'current-key-policy.json', '--key-arn', KEY_ARN, '--consumer', 'arn:aws:iam::111122223333:role/app', '--service', 'secretsmanager'], { cwd: gen });
    expect(run.code).toBe(0);
    expect(Object.keys(policies(cwd))).toEqual(['iam-policy.json', 'key-policy.json']);
    expect(policies(cwd)).toEqual(policies(gen));
  });

  test('--from with a file that is not JSON: exit 2 with file:line:column before anything is drawn', async () => {
    const cwd = tmp();
    const t = spawnPty(['--from', 'nope.json', '--key-arn', KEY_ARN], { cwd });
    expect((await t.exited).exitCode).toBe(2);
    expect(t.text()).toContain('--from: cannot read nope.json: no such file');
    expect(t.text()).not.toContain('Step 1');
  });

  test('a new key: account, Region from the list, multi-Region, and the answered line', async () => {
    const t = spawnPty([], { cwd: tmp() });
    await t.waitFor('Step 1 of 10: Start');
    t.write(`${KEYS.up}${KEYS.enter}`);
    await t.waitFor('Account that will own the key');
    t.write('123456789012\r');
    await t.waitFor('Region:');
    t.write('eu-central');
    await t.waitFor('› eu-central-1');
    t.write(KEYS.enter);
    await t.waitFor('A multi-Region key?');
    t.write(`${KEYS.down}${KEYS.enter}`);
    await t.waitFor('Step 3 of 10: Administrators');
    expect(t.text()).toMatch(/✔ Key\s+a new multi-Region key in eu-central-1, account 123456789012/);
    t.write(KEYS.ctrlC);
    expect((await t.exited).exitCode).toBe(130);
  });
});
