/**
 * The built CLI's lesson runner in a real pseudo-terminal (node-pty +
 * xterm headless, no CI in the environment): progress survives a restart,
 * Ctrl-C exits 130 keeping it, and a fix exercise goes through the learner's
 * real $EDITOR.
 */
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KEYS, spawnPty } from '../helpers/pty.js';

const size = { cols: 80, rows: 24 };

describe('learn in a real terminal', () => {
  it('resumes where the learner left off after a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kmsw-learn-pty-'));
    const env = { KMS_WIZARD_CONFIG_DIR: dir };

    const first = spawnPty(['learn'], { ...size, env });
    await first.waitFor('kms-wizard learn');
    await first.settle();
    // Down, Down, Enter typed as one burst: lesson 3 opens.
    first.write(`${KEYS.down}${KEYS.down}${KEYS.enter}`);
    await first.waitFor('Lesson 3/11');
    await first.settle();
    first.write('nnn');
    await first.waitFor('Exercise 1/4: The value for EBS');
    first.write(`${KEYS.down}${KEYS.enter}`);
    await first.waitFor('Right: with ec2.eu-west-1.amazonaws.com');
    first.write(KEYS.enter);
    await first.waitFor('Exercise 2/4: Same service, other Region');
    first.write('q');
    expect((await first.exited).exitCode).toBe(0);
    expect(first.text()).toContain('Progress is saved in');

    const saved = JSON.parse(readFileSync(join(dir, 'progress.json'), 'utf8'));
    expect(saved.lessons['via-service']).toMatchObject({ completed: ['ebs-value'], step: 4 });

    const second = spawnPty(['learn'], { ...size, env });
    await second.waitFor('kms-wizard learn');
    expect(second.text()).toMatch(/› ◐\s+3\. kms:ViaService.*1\/4/);
    expect(second.text()).toContain('resumes at step 5 of 8');
    // As in the first run: let Ink subscribe to input before the first key.
    await second.settle();
    second.write(KEYS.enter);
    await second.waitFor('Exercise 2/4: Same service, other Region');
    second.write(KEYS.ctrlC);
    expect((await second.exited).exitCode).toBe(130);
    expect(second.text()).toContain('Cancelled. Progress up to here is saved.');
    expect(JSON.parse(readFileSync(join(dir, 'progress.json'), 'utf8')).lessons['via-service'].completed).toEqual(['ebs-value']);
  });

  it('a fix exercise opens $EDITOR on a temp file and checks what was saved there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kmsw-learn-editor-'));
    const solution = fileURLToPath(new URL('../fixtures/lessons/solutions/via-service/no-region.json', import.meta.url));
    // A stand-in editor: records the file it was given, then "saves" the solution into it.
    const editor = join(dir, 'editor.sh');
    writeFileSync(editor, `#!/bin/sh\necho "$1" > "${join(dir, 'edited-path')}"\ncp "${solution}" "$1"\n`);
    chmodSync(editor, 0o755);

    const t = spawnPty(['learn', 'via-service'], { ...size, env: { KMS_WIZARD_CONFIG_DIR: dir, EDITOR: editor } });
    await t.waitFor('Lesson 3/11');
    await t.settle();
    t.write('nnnnnnn');
    await t.waitFor('Press Enter to edit the key policy in');
    t.write(KEYS.enter);
    await t.waitFor('lint finds no errors and every goal is met.');
    expect(readFileSync(join(dir, 'edited-path'), 'utf8')).toMatch(/kms-wizard-.*key-policy\.json/);
    t.write('q');
    expect((await t.exited).exitCode).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'progress.json'), 'utf8')).lessons['via-service'].completed).toEqual(['no-region']);
  });

  it('--reset asks first in a terminal: "n" keeps the progress, "y" clears it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kmsw-learn-reset-'));
    const file = join(dir, 'progress.json');
    writeFileSync(file, JSON.stringify({ version: 1, lessons: { grants: { completed: [], step: 3, updatedAt: '' } } }));
    const env = { KMS_WIZARD_CONFIG_DIR: dir };

    const no = spawnPty(['learn', '--reset'], { ...size, env });
    await no.waitFor('Forget your progress in every lesson');
    no.write('n\r');
    expect((await no.exited).exitCode).toBe(0);
    expect(no.text()).toContain('Nothing changed.');
    expect(readFileSync(file, 'utf8')).toContain('grants');

    const yes = spawnPty(['learn', '--reset'], { ...size, env });
    await yes.waitFor('[y/N]');
    yes.write('y\r');
    expect((await yes.exited).exitCode).toBe(0);
    expect(yes.text()).toContain('Progress cleared');
    expect(() => readFileSync(file)).toThrow(/ENOENT/);
  });

  it('NO_COLOR: the menu is drawn without colour codes, the selection still marked', async () => {
    const t = spawnPty(['learn'], { ...size, env: { KMS_WIZARD_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'kmsw-learn-nc-')), NO_COLOR: '1' } });
    await t.waitFor('kms-wizard learn');
    await t.settle();
    expect(t.text()).toMatch(/› ·\s+1\. Two policies/);
    // SGR sequences (colour, bold, inverse) are ESC [ ... m; cursor movement is allowed.
    expect(t.raw()).not.toMatch(/\u001B\[[0-9;]*m/);
    t.write('q');
    expect((await t.exited).exitCode).toBe(0);
  });
});
