// The full-screen wizard and the lesson runner in a real pty, fed hostile text
// (a flag value; a policy saved by $EDITOR): the screens show the escapes as
// visible \uXXXX text and never send them to the terminal.
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KEYS, spawnPty } from '../helpers/pty.js';

const size = { cols: 80, rows: 24 };
/** A terminal retitle (OSC 0), a right-to-left override and a one-byte C1 CSI. */
const TITLE = '\u001b]0;pwned\u0007';
const HOSTILE = `${TITLE}\u202e\u009b2K`;

function expectNoneRaw(raw: string): void {
  expect(raw).not.toContain(TITLE);
  expect(raw).not.toContain('\u202e');
  expect(raw).not.toContain('\u009b');
}

describe('hostile text on the interactive screens', () => {
  it('wizard: a --key-arn value is shown with its escapes visible', async () => {
    const t = spawnPty(['--key-arn', `alias/app${HOSTILE}`], { ...size, cwd: mkdtempSync(join(tmpdir(), 'kmsw-hostile-wizard-')) });
    await t.waitFor('Step 2 of 10: Key');
    await t.waitFor('\\u001b]0;pwned\\u0007');
    expectNoneRaw(t.raw());
    t.write(KEYS.ctrlC);
    expect((await t.exited).exitCode).toBe(130);
  });

  it('accessible wizard: the refusal of a --key-arn value shows it escaped', async () => {
    const t = spawnPty(['--accessible', '--key-arn', `alias/app${HOSTILE}`], { ...size, cwd: mkdtempSync(join(tmpdir(), 'kmsw-hostile-acc-')) });
    await t.waitFor('Key ARN');
    t.write('\r');
    await t.waitFor('\\u001b]0;pwned\\u0007');
    expectNoneRaw(t.raw());
    t.write(KEYS.ctrlC);
    expect((await t.exited).exitCode).toBe(130);
  });

  it('learn: a policy saved by $EDITOR is checked and shown with its escapes visible', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kmsw-hostile-learn-'));
    const solution = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/lessons/solutions/via-service/no-region.json', import.meta.url)), 'utf8'));
    solution.Statement[1].Condition.StringEquals['kms:ViaService'] = `secretsmanager${HOSTILE}`;
    const answer = join(dir, 'answer.json');
    writeFileSync(answer, JSON.stringify(solution, null, 2));
    const editor = join(dir, 'editor.sh');
    writeFileSync(editor, `#!/bin/sh\ncp "${answer}" "$1"\n`);
    chmodSync(editor, 0o755);

    const t = spawnPty(['learn', 'via-service'], { ...size, env: { KMS_WIZARD_CONFIG_DIR: dir, EDITOR: editor } });
    await t.waitFor(/Lesson 3\/\d+ /);
    await t.settle();
    t.write('nnnnnnn');
    await t.waitFor('Press Enter to edit the key policy in');
    t.write(KEYS.enter);
    await t.waitFor('\\u001b]0;pwned');
    expectNoneRaw(t.raw());
    t.write('q');
    expect((await t.exited).exitCode).toBe(0);
  });
});
