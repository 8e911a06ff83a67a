import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_PROGRESS, completedCount, markCompleted, resumeStep, setPosition } from '../../../src/lessons/progress.js';
import { ProgressStore } from '../../../src/lessons/progress-store.js';

const NOW = new Date('2026-03-01T10:20:30.456Z');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kmsw-progress-'));
});

describe('progress updates', () => {
  it('records passed exercises once and counts only current exercise ids', () => {
    let p = markCompleted(EMPTY_PROGRESS, 'via-service', 'ebs-value', NOW);
    p = markCompleted(p, 'via-service', 'ebs-value', NOW);
    p = markCompleted(p, 'via-service', 'removed-exercise', NOW);
    expect(p.lessons['via-service']!.completed).toEqual(['ebs-value', 'removed-exercise']);
    expect(completedCount(p, 'via-service', ['ebs-value', 'other-region'])).toBe(1);
  });
  it('remembers the last lesson and step, clamped to the lesson length on resume', () => {
    const p = setPosition(EMPTY_PROGRESS, 'grants', 7, NOW);
    expect(p.lastLesson).toBe('grants');
    expect(resumeStep(p, 'grants', 10)).toBe(7);
    expect(resumeStep(p, 'grants', 5)).toBe(4);
    expect(resumeStep(p, 'never-opened', 5)).toBe(0);
  });
});

describe('ProgressStore', () => {
  it('starts empty without a file, saves atomically, and loads what it saved', () => {
    const store = new ProgressStore(join(dir, 'nested', 'kms-wizard'));
    expect(store.load()).toEqual({ progress: EMPTY_PROGRESS, writable: true });
    const p = markCompleted(EMPTY_PROGRESS, 'two-policies', 'iam-is-silent', NOW);
    expect(store.save(p)).toBeUndefined();
    expect(new ProgressStore(join(dir, 'nested', 'kms-wizard')).load().progress).toEqual(p);
    // No temp file is left behind.
    expect(readdirSync(join(dir, 'nested', 'kms-wizard'))).toEqual(['progress.json']);
  });

  it('moves a corrupt file aside, reports it, and never loses it', () => {
    writeFileSync(join(dir, 'progress.json'), '{"version": 1, "lessons": {');
    const store = new ProgressStore(dir, () => NOW);
    const loaded = store.load();
    expect(loaded.progress).toEqual(EMPTY_PROGRESS);
    expect(loaded.notice).toMatch(/was corrupt \(invalid JSON/);
    const aside = join(dir, 'progress.json.corrupt-2026-03-01T10-20-30-456Z');
    expect(loaded.notice).toContain(aside);
    expect(readFileSync(aside, 'utf8')).toBe('{"version": 1, "lessons": {');
    expect(existsSync(join(dir, 'progress.json'))).toBe(false);
    expect(store.save(markCompleted(EMPTY_PROGRESS, 'a', 'b', NOW))).toBeUndefined();
  });

  it('treats valid JSON of the wrong shape as corrupt', () => {
    writeFileSync(join(dir, 'progress.json'), '{"version": 1, "lessons": {"x": {"completed": "no", "step": 0}}}');
    const loaded = new ProgressStore(dir, () => NOW).load();
    expect(loaded.notice).toMatch(/lesson "x": "completed" is not a list/);
  });

  it('leaves a newer format untouched and does not overwrite it', () => {
    const text = '{"version": 2, "lessons": {}}';
    writeFileSync(join(dir, 'progress.json'), text);
    const store = new ProgressStore(dir);
    const loaded = store.load();
    expect(loaded.writable).toBe(false);
    expect(loaded.notice).toMatch(/newer kms-wizard/);
    store.save(markCompleted(EMPTY_PROGRESS, 'a', 'b', NOW));
    expect(readFileSync(join(dir, 'progress.json'), 'utf8')).toBe(text);
  });

  it('reports a save failure instead of throwing', () => {
    // A file where the config directory should be: mkdir fails, even for root.
    const blocker = join(dir, 'not-a-dir');
    writeFileSync(blocker, '');
    const err = new ProgressStore(join(blocker, 'kms-wizard')).save(EMPTY_PROGRESS);
    expect(err).toMatch(/Could not save lesson progress to .*progress\.json \((ENOTDIR|EEXIST)\)/);
  });

  it('reset deletes the file and says whether there was one', () => {
    const store = new ProgressStore(dir);
    expect(store.reset()).toBe(false);
    store.save(EMPTY_PROGRESS);
    expect(store.reset()).toBe(true);
    expect(existsSync(store.path)).toBe(false);
  });
});
