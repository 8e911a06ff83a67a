/**
 * The Ink lesson runner through ink-testing-library: a whole lesson with a
 * wrong answer and a hint, the inline editor, key bursts, Ctrl-C, resuming.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { engine } from '../../src/lessons/engine.js';
import { compiledLessons } from '../../src/lessons/compiled-lessons.js';
import { EMPTY_PROGRESS, type Progress } from '../../src/lessons/progress.js';
import type { EditorOutcome } from '../../src/lessons/runner/external-editor.js';
import { LearnApp } from '../../src/lessons/runner/LearnApp.js';
import type { RunnerDeps } from '../../src/lessons/runner/model.js';
import { initialState } from '../../src/lessons/runner/state.js';
import { KEYS } from '../helpers/keys.js';
import { LESSON_COUNT } from '../helpers/lesson-count.js';

const KEY = KEYS;
const lessons = compiledLessons();
const NOW = new Date('2026-01-02T03:04:05Z');
const fixture = (kind: string, key: string) => readFileSync(fileURLToPath(new URL(`../fixtures/lessons/${kind}/${key}.json`, import.meta.url)), 'utf8');

// Frames update at once; React runs effects (saving, the editor) a little later: wait for both.
const tick = async () => {
  for (let i = 0; i < 2; i++) {
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setTimeout(r, 0));
  }
};

interface Harness {
  press(...keys: string[]): Promise<void>;
  frame(): string;
  /** Asserts the frame shows `text`, waiting (up to 3 s) for renders and effects a loaded machine delays. */
  sees(text: string): Promise<void>;
  saved: Progress[];
  edits: string[];
  exits: string[];
  unmount(): void;
}

async function start(opts: { lessonId?: string; progress?: Progress; editorAnswers?: string[]; rows?: number } = {}): Promise<Harness> {
  const editorAnswers = [...(opts.editorAnswers ?? [])];
  const deps: RunnerDeps = { lessons, engine, now: () => NOW, ...(opts.editorAnswers ? { editorName: 'fake-editor' } : {}) };
  const initial = initialState(deps, { progress: opts.progress ?? EMPTY_PROGRESS, cols: 100, rows: opts.rows ?? 60, ...(opts.lessonId ? { lessonId: opts.lessonId } : {}) });
  const saved: Progress[] = [];
  const edits: string[] = [];
  const exits: string[] = [];
  const openEditor = (text: string): EditorOutcome => {
    edits.push(text);
    const next = editorAnswers.shift();
    return next === undefined ? { kind: 'cancelled', message: 'no more answers' } : { kind: 'edited', text: next };
  };
  // Wrapped lines are joined, so assertions do not depend on where text wraps.
  const frame = () => ([...r.frames].reverse().find((f) => f.trim() !== '') ?? '').replace(/\s+/g, ' ');
  const r = render(<LearnApp deps={deps} initial={initial} save={(p) => void saved.push(p)} openEditor={openEditor} onExit={(h) => void exits.push(h)} />);
  // Ink subscribes to input after the first render: give it a moment before typing.
  await tick();
  await tick();
  return {
    async press(...keys) {
      for (const k of keys) {
        r.stdin.write(k);
        await tick();
      }
    },
    // The last frame with content: under CI=true Ink's unmount writes a blank line after it.
    frame,
    async sees(text) {
      const end = Date.now() + 3000;
      while (!frame().includes(text) && Date.now() < end) await tick();
      expect(frame()).toContain(text);
    },
    saved,
    edits,
    exits,
    unmount: r.unmount,
  };
}

describe('learn: one whole lesson in the TUI', () => {
  it('key-admins: read, a hint, a wrong answer, the right one, a failed and a passing fix, then done', async () => {
    const t = await start({ lessonId: 'key-admins', editorAnswers: [fixture('wrong', 'key-admins/add-admins'), fixture('solutions', 'key-admins/add-admins')] });
    await t.press();
    await t.sees(`Lesson 7/${LESSON_COUNT}`);
    await t.sees('A key policy has two audiences');

    await t.press(KEY.enter);
    await t.sees('Who manages the key');

    await t.press(KEY.enter);
    await t.sees('Exercise 1/2: An administrator tries to decrypt');
    await t.sees('role/KeyAdmin (account 111122223333) calls kms:Decrypt on the key directly');

    // A hint on demand.
    await t.press('h');
    await t.sees('Hint 1/2: Does any of the administrators');

    // Wrong: "Allow" is selected first. The explanation comes from the evaluator, and the next hint shows.
    await t.press(KEY.enter);
    await t.sees('✗ Not quite: KMS denies (implicitly) this request.');
    await t.sees('does not cover kms:Decrypt');
    await t.sees('Hint 2/2: The key policy does not trust the account');
    expect(t.saved.at(-1)?.lessons['key-admins']?.completed ?? []).toEqual([]);

    // Right.
    await t.press(KEY.down, KEY.enter);
    await t.sees('✓ Right: KMS denies (implicitly) this request.');
    await t.sees('The administrator cannot read data.');
    await expect.poll(() => t.saved.at(-1)?.lessons['key-admins']?.completed).toEqual(['admin-decrypt']);

    // The fix exercise: the first edit is still wrong (an admin with kms:*), the second one passes.
    await t.press(KEY.enter);
    await t.sees('Exercise 2/2: A policy KMS would refuse');
    await t.sees('Press Enter to edit the key policy in fake-editor');
    await t.press(KEY.enter);
    await expect.poll(() => t.edits[0]).toContain('"Sid": "UseThroughSecretsManager"');
    await t.sees('lint finds no errors, but 1 of 4 goals are not met.');
    await t.sees('✗ role/KeyAdmin cannot decrypt: no.');
    await t.press(KEY.enter);
    await expect.poll(() => t.edits[1]).toBe(fixture('wrong', 'key-admins/add-admins')); // the draft is kept between edits
    await t.sees('✓ lint finds no errors and every goal is met.');
    await expect.poll(() => t.saved.at(-1)?.lessons['key-admins']?.completed).toEqual(['admin-decrypt', 'add-admins']);

    await t.press(KEY.enter);
    await t.sees('Applying the policies');
    await t.press(KEY.enter);
    await t.sees('Lesson complete: Key administrators and the lockout check');
    await t.sees('You passed 2 of 2 exercises.');
    await t.sees('Enter starts lesson 8');

    await t.press('q');
    await expect.poll(() => t.exits).toEqual(['quit']);
    t.unmount();
  });
});

describe('learn: keys and navigation', () => {
  it('a burst of keys typed at once lands on the right lesson and choice', async () => {
    const t = await start();
    await t.press();
    await t.press(`${KEY.down}${KEY.down}${KEY.enter}`);
    await t.sees(`Lesson 3/${LESSON_COUNT}`);
    // "nnn" in one chunk: three steps forward, to the first exercise (steps 1..3 are pages).
    await t.press('nnn');
    await t.sees('Exercise 1/4: The value for EBS');
    await t.press(`${KEY.down}${KEY.enter}`);
    await t.sees('✓ Right: with ec2.eu-west-1.amazonaws.com');
    t.unmount();
  });

  it('Esc goes back a step, and from the first step to the menu with that lesson selected', async () => {
    const t = await start({ lessonId: 'grants' });
    await t.press(KEY.enter);
    await t.sees('step 2/');
    await t.press(KEY.esc);
    await t.sees('step 1/');
    await t.press(KEY.esc);
    await t.sees('kms-wizard learn');
    expect(t.frame()).toMatch(/› .* 6\. Services that need grants/);
    t.unmount();
  });

  it('Ctrl-C cancels at once, keeping what was already saved', async () => {
    const t = await start({ lessonId: 'two-policies' });
    await t.press(KEY.enter);
    const savedBefore = t.saved.length;
    expect(savedBefore).toBeGreaterThan(0);
    await t.press(KEY.ctrlC);
    await expect.poll(() => t.exits).toEqual(['cancel']);
    expect(t.saved).toHaveLength(savedBefore);
    t.unmount();
  });

  it('resumes a lesson at the saved step, and the menu shows progress', async () => {
    const progress: Progress = {
      version: 1,
      lastLesson: 'via-service',
      lessons: { 'via-service': { completed: ['ebs-value'], step: 4, updatedAt: '' } },
    };
    const t = await start({ progress });
    await t.press();
    expect(t.frame()).toMatch(/› ◐ 3\. kms:ViaService.* 1\/4/);
    await t.sees('resumes at step 5 of 8');
    await t.press(KEY.enter);
    await t.sees('Exercise 2/4: Same service, other Region');
    t.unmount();
  });

  it('the inline editor: move, type, and Ctrl-S checks the edited policy', async () => {
    const t = await start({ lessonId: 'via-service', rows: 80 });
    const ex = lessons.find((l) => l.id === 'via-service')!.exercises.find((e) => e.id === 'no-region')!;
    const lines = ex.keyPolicy!.split('\n');
    const row = lines.findIndex((l) => l.includes('"secretsmanager.amazonaws.com"'));
    const col = lines[row]!.indexOf('amazonaws.com"');
    // Jump to the fix exercise (step 8), open the built-in editor.
    await t.press('nnnnnnn');
    await t.sees('A value that never matches');
    await t.sees('in the built-in editor');
    await t.press(KEY.enter);
    await t.sees('Editing the key policy:');
    await t.press(...Array(row).fill(KEY.down), ...Array(col).fill('\u001B[C'));
    await t.press('us-east-1.');
    await t.sees('"secretsmanager.us-east-1.amazonaws.com"');
    await t.press(KEY.ctrlS);
    await t.sees('✓ lint finds no errors and every goal is met.');
    await expect.poll(() => t.saved.at(-1)?.lessons['via-service']?.completed).toEqual(['no-region']);
    t.unmount();
  });

  it('Esc in the inline editor discards the edit', async () => {
    const t = await start({ lessonId: 'via-service', rows: 80 });
    await t.press('nnnnnnn', KEY.enter, 'garbage', KEY.esc);
    await t.sees('Edit discarded.');
    expect(t.frame()).not.toContain('garbage');
    await t.sees('Press Enter to edit the key policy');
    t.unmount();
  });
});
