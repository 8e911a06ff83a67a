import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CommandIo } from '../../../src/cli/io.js';
import { runAccessibleLessons, type AskLine } from '../../../src/lessons/accessible.js';
import { compiledLessons } from '../../../src/lessons/compiled-lessons.js';
import { ProgressStore } from '../../../src/lessons/progress-store.js';
import { LESSON_COUNT } from '../../helpers/lesson-count.js';

const lessons = compiledLessons();
const solution = readFileSync(fileURLToPath(new URL('../../fixtures/lessons/solutions/key-admins/add-admins.json', import.meta.url)), 'utf8');

function setup(answers: (string | ((out: string) => string))[], env: NodeJS.ProcessEnv = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'kmsw-accessible-'));
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (d) => (out += String(d)));
  const io: CommandIo = { stdout, stderr: new PassThrough(), stdin: new PassThrough(), env, cwd: dir };
  const prompts: string[] = [];
  const ask: AskLine = async (message) => {
    prompts.push(message);
    const next = answers.shift();
    if (next === undefined) throw Object.assign(new Error('User force closed the prompt'), { name: 'ExitPromptError' });
    return typeof next === 'function' ? next(out) : next;
  };
  const store = new ProgressStore(dir);
  // Whitespace collapsed: assertions do not depend on where lines wrap.
  return { io, ask, store, prompts, output: () => out.replace(/\s+/g, ' ') };
}

describe('accessible lessons (linear prompts, same state machine)', () => {
  it('completes a lesson with a hint, a wrong answer, and a fix edited in a file', async () => {
    const t = setup([
      '', // first page
      '', // "Who manages the key"
      'h',
      '1', // Allow: wrong
      '2', // Deny: right
      '', // continue to the fix exercise
      '', // edit: no $EDITOR, so the policy is written to a file
      (out) => {
        const file = /The policy is in (\S+)\. Edit and save it/.exec(out)![1]!;
        writeFileSync(file, solution);
        return '';
      },
      '', // continue
      '', // "Applying the policies"
      'q',
    ]);
    const how = await runAccessibleLessons({ lessons, store: t.store, loaded: t.store.load(), lessonId: 'key-admins', io: t.io, ask: t.ask });
    expect(how).toBe('quit');
    const out = t.output();
    expect(out).toContain(`Lesson 7/${LESSON_COUNT} Key administrators and the lockout check step 1/5`);
    expect(out).toContain('Hint 1/2: Does any of the administrators');
    expect(out).toContain('✗ Not quite: KMS denies (implicitly) this request.');
    expect(out).toContain('✓ Right: KMS denies (implicitly) this request.');
    expect(out).toContain('✓ lint finds no errors and every goal is met.');
    expect(out).toContain('Lesson complete: Key administrators and the lockout check');
    expect(out).not.toContain('›'); // no cursor marks in linear output
    expect(t.prompts).toContain('Your answer (1-2), h hint, n skip, b back, q quit');
    expect(JSON.parse(readFileSync(t.store.path, 'utf8')).lessons['key-admins'].completed).toEqual(['admin-decrypt', 'add-admins']);
  });

  it('spot exercises take line numbers; a menu number opens a lesson', async () => {
    const t = setup(['10', '', '', '18', '18, 19', 'q']);
    const how = await runAccessibleLessons({ lessons, store: t.store, loaded: t.store.load(), io: t.io, ask: t.ask });
    expect(how).toBe('quit');
    expect(t.output()).toContain('1 line with an error is not marked yet.');
    expect(t.output()).toContain('✓ Right: lint reports errors on exactly lines 18, 19.');
  });

  it('explains an answer it cannot use instead of guessing', async () => {
    const t = setup(['3', '', '', '', '9', 'q']);
    await runAccessibleLessons({ lessons, store: t.store, loaded: t.store.load(), io: t.io, ask: t.ask });
    expect(t.output()).toContain('Type a number from 1 to 4.');
  });

  it('Ctrl-C (the prompt closing) ends with cancel and keeps saved progress', async () => {
    const t = setup(['', '']); // then the prompt is force-closed
    const how = await runAccessibleLessons({ lessons, store: t.store, loaded: t.store.load(), lessonId: 'grants', io: t.io, ask: t.ask });
    expect(how).toBe('cancel');
    expect(JSON.parse(readFileSync(t.store.path, 'utf8')).lessons.grants.step).toBe(2);
  });
});
