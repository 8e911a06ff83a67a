// How many lessons there are, read from lessons/ (the single source), so
// tests that show "Lesson 3/N" or "0 of N done" need no edit when a lesson is added.
import { readdirSync } from 'node:fs';

export const LESSON_COUNT = readdirSync(new URL('../../lessons/', import.meta.url)).filter((f) => /^\d+-[a-z0-9-]+\.md$/.test(f)).length;
