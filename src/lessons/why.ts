/**
 * The wizard's "why" panels: each step shows the lesson section marked for
 * it with `<!-- why: <step> -->` under its `## ` heading. The lessons stay
 * the single source of the text: such a section is one page of its lesson,
 * and `npm run build` compiles only where that page is (src/lessons/compile.ts
 * checks every step has one), so a panel reads the compiled lessons and no file.
 */
import { compiledLessons } from './compiled-lessons.js';
import type { WhyPage, WhyStep, WhyText } from './why-steps.js';

/** Where each panel's page is, as a JSON string (scripts/build.mjs and vitest.config.ts define it). */
declare const __KMS_WIZARD_WHY__: string;

let pages: Readonly<Record<WhyStep, WhyPage>> | undefined;
const texts = new Map<WhyStep, WhyText>();

/** The "why" text of a wizard step (read from the compiled lessons on the first call, then cached). */
export function whyText(step: WhyStep): WhyText {
  const known = texts.get(step);
  if (known) return known;
  pages ??= JSON.parse(__KMS_WIZARD_WHY__) as Record<WhyStep, WhyPage>;
  const { lessonId, step: index } = pages[step];
  const page = compiledLessons().find((l) => l.id === lessonId)?.steps[index];
  // The build checked that this is a page (src/lessons/compile.ts, whyPages).
  if (page?.kind !== 'page') throw new Error(`kms-wizard: the "why" panel of ${step} is not page ${index} of lesson ${lessonId} (a broken build)`);
  const text = { title: page.title, body: page.markdown, lessonId };
  texts.set(step, text);
  return text;
}
