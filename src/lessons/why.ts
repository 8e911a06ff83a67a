/**
 * The wizard's "why" panels: each step shows the lesson section marked for
 * it with `<!-- why: <step> -->` under its `## ` heading. The lessons stay
 * the single source of the text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitLessonFile } from './markdown-sections.js';
import { lessonsDir } from './package-root.js';

/** The wizard steps that have a "why" panel, in wizard order. */
export const WHY_STEPS = [
  'start',
  'key',
  'new-key',
  'current',
  'admins',
  'consumers',
  'access-iam',
  'access-principals',
  'access-account',
  'services',
  'regions',
  'actions',
  'review',
  'output',
] as const;

export type WhyStep = (typeof WHY_STEPS)[number];

/** A "why" panel's content. */
export interface WhyText {
  /** The section's heading. */
  readonly title: string;
  /** The section's markdown, without heading, marker or exercises. */
  readonly body: string;
  /** The lesson it comes from, for a "learn more: kms-wizard learn <id>" line. */
  readonly lessonId: string;
}

let cache: Map<string, WhyText> | undefined;

/** Reads every lesson once and indexes its marked sections (a later duplicate marker is ignored; tests forbid them). */
export function loadWhySections(dir: string = lessonsDir()): Map<string, WhyText> {
  const map = new Map<string, WhyText>();
  for (const file of readdirSync(dir).filter((f) => /^\d{2}-.+\.md$/.test(f)).sort()) {
    const lessonId = file.slice(3, -3);
    const split = splitLessonFile(readFileSync(join(dir, file), 'utf8'));
    for (const section of split?.sections ?? []) {
      if (section.why && section.title && !map.has(section.why)) {
        map.set(section.why, { title: section.title, body: section.markdown, lessonId });
      }
    }
  }
  return map;
}

/**
 * The "why" text of a wizard step. Synchronous and cached: the first call
 * reads the lesson files (a few kB), later calls are a map lookup. Never
 * throws: a missing section or unreadable lessons/ gives a short fallback.
 */
export function whyText(step: WhyStep): WhyText {
  if (!cache) {
    try {
      cache = loadWhySections();
    } catch {
      cache = new Map();
    }
  }
  return (
    cache.get(step) ?? {
      title: step,
      body: `No explanation is available for this step (the lessons could not be read). Run \`kms-wizard learn\` to read the lessons.`,
      lessonId: '',
    }
  );
}
