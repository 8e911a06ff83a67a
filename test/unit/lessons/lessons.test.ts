/**
 * Every shipped lesson, checked end to end: front matter, exercises, and for
 * each exercise that the right answer passes and a wrong one fails through
 * the same engine (real lint + evaluator) the learner's runner uses.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buggyLines, checkAnswer, decide, policyText, predictChoices } from '../../../src/lessons/check.js';
import { engine } from '../../../src/lessons/engine.js';
import { lessonSummaries } from '../../../src/lessons/lesson-index.js';
import { compiledLessons } from '../../../src/lessons/compiled-lessons.js';
import type { Exercise } from '../../../src/lessons/types.js';
import { EXPECTED_BUG_LINES, EXPECTED_DECISIONS, EXPECTED_OPTIONS } from './expected.js';

const lessons = compiledLessons();
const fixture = (kind: 'solutions' | 'wrong', key: string) =>
  fileURLToPath(new URL(`../../fixtures/lessons/${kind}/${key}.json`, import.meta.url));
const exercises: [string, Exercise][] = lessons.flatMap((l) => l.exercises.map((e) => [`${l.id}/${e.id}`, e] as [string, Exercise]));

describe('the lesson set', () => {
  it('has the ten lessons of issue 5, the key-in-use lesson of issue 9 and the service-principal lesson of issue 10 and the who-can lesson of issue 19, numbered 1..n in order', () => {
    expect(lessons.map((l) => l.id)).toEqual([
      'two-policies', 'account-root', 'via-service', 'star-principal', 'default-statement',
      'grants', 'key-admins', 'cross-account', 'encryption-context', 'find-the-bugs', 'key-in-use', 'service-principals', 'who-can',
    ]);
    expect(lessons.map((l) => l.order)).toEqual(lessons.map((_, i) => i + 1));
  });

  it.each(lessons.map((l) => [l.id, l] as const))('%s: front matter and shape', (_, l) => {
    expect(l.title.length).toBeGreaterThan(5);
    expect(l.summary.length).toBeGreaterThan(20);
    expect(l.minutes).toBeGreaterThan(0);
    expect(l.sources.every((s) => s.startsWith('https://docs.aws.amazon.com/'))).toBe(true);
    expect(l.exercises.length).toBeGreaterThanOrEqual(2);
    expect(l.steps[0]!.kind).toBe('page');
    for (const e of l.exercises) {
      expect(e.hints.length, e.id).toBeGreaterThanOrEqual(1);
      expect(e.explain.length, e.id).toBeGreaterThan(20);
    }
  });

  it('the summaries (learn --list) count every page and exercise', () => {
    const index = lessonSummaries(lessons);
    expect(index.map((l) => l.id)).toEqual(lessons.map((l) => l.id));
    for (const [i, l] of index.entries()) {
      expect(l.exerciseIds).toEqual(lessons[i]!.exercises.map((e) => e.id));
      expect(l.stepCount).toBe(lessons[i]!.steps.filter((s) => s.kind === 'page').length + l.exerciseIds.length);
      expect(l).not.toHaveProperty('steps');
    }
  });

  it('has an expectation or a solution for every exercise, and none for exercises that no longer exist', () => {
    const ids = new Set(exercises.map(([k]) => k));
    for (const [key, e] of exercises) {
      if (e.kind === 'predict') expect(EXPECTED_DECISIONS[key], key).toBeDefined();
      if (e.kind === 'choose') expect(EXPECTED_OPTIONS[key], key).toBeDefined();
      if (e.kind === 'spot') expect(EXPECTED_BUG_LINES[key], key).toBeDefined();
      if (e.kind === 'fix') expect(existsSync(fixture('solutions', key)), key).toBe(true);
    }
    for (const key of [...Object.keys(EXPECTED_DECISIONS), ...Object.keys(EXPECTED_OPTIONS), ...Object.keys(EXPECTED_BUG_LINES)]) {
      expect(ids.has(key), `${key} is expected but no lesson has it`).toBe(true);
    }
  });
});

describe.each(exercises)('%s', (key, ex) => {
  if (ex.kind === 'predict') {
    it('the evaluator decides what the lesson explains, and only that answer passes', () => {
      const { decision } = decide(ex, engine);
      expect(decision).toBe(EXPECTED_DECISIONS[key]);
      const right = predictChoices(ex).filter((c) => (ex.detailed ? c === decision : (c === 'Allow') === (decision === 'Allow')));
      expect(right).toHaveLength(1);
      for (const choice of predictChoices(ex)) {
        const result = checkAnswer(ex, { kind: 'predict', choice }, engine);
        expect(result.passed, choice).toBe(choice === right[0]);
        expect(result.details.length).toBeGreaterThan(0); // the evaluator's reason is always shown
      }
    });
  }

  if (ex.kind === 'choose') {
    it('exactly the intended option passes; every other fails with a reason', () => {
      const passing = ex.options.filter((_, i) => checkAnswer(ex, { kind: 'choose', option: i }, engine).passed);
      expect(passing).toEqual([EXPECTED_OPTIONS[key]]);
      ex.options.forEach((o, i) => {
        const result = checkAnswer(ex, { kind: 'choose', option: i }, engine);
        if (!result.passed) expect(result.details.some((d) => d.tone === 'bad'), o).toBe(true);
      });
    });
  }

  if (ex.kind === 'spot') {
    it('lint finds errors on the intended lines; marking exactly those passes', () => {
      const bugs = buggyLines(ex, engine);
      expect(bugs).toEqual(EXPECTED_BUG_LINES[key]);
      expect(checkAnswer(ex, { kind: 'spot', lines: bugs }, engine).passed).toBe(true);
      expect(checkAnswer(ex, { kind: 'spot', lines: bugs.slice(1) }, engine).passed).toBe(false);
      expect(checkAnswer(ex, { kind: 'spot', lines: [...bugs, 1] }, engine)).toMatchObject({
        passed: false,
        details: [{ text: 'Nothing is wrong on line 1.', tone: 'bad' }],
      });
    });
  }

  if (ex.kind === 'fix') {
    it('the solution passes (lint clean, every goal met); the broken policy and a plausible wrong fix fail', () => {
      const solution = readFileSync(fixture('solutions', key), 'utf8');
      const solved = checkAnswer(ex, { kind: 'fix', text: solution }, engine);
      expect(solved.details.filter((d) => d.tone === 'bad')).toEqual([]);
      expect(solved.passed).toBe(true);
      expect(checkAnswer(ex, { kind: 'fix', text: policyText(ex, ex.edit)! }, engine).passed).toBe(false);
      const wrong = checkAnswer(ex, { kind: 'fix', text: readFileSync(fixture('wrong', key), 'utf8') }, engine);
      expect(wrong.passed).toBe(false);
      expect(wrong.details.some((d) => d.tone === 'bad')).toBe(true);
      expect(checkAnswer(ex, { kind: 'fix', text: '{ not json' }, engine).passed).toBe(false);
    });
  }
});
