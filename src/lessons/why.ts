/**
 * The wizard's "why" panels: each step shows the lesson section marked for
 * it with `<!-- why: <step> -->` under its `## ` heading. The lessons stay
 * the single source of the text; `npm run build` compiles the sections into
 * the bundle (src/lessons/compile.ts checks every step has one), so showing a
 * panel reads no file.
 */
import type { WhyStep, WhyText } from './why-steps.js';

/** The compiled sections, as a JSON string (scripts/build.mjs and vitest.config.ts define it). */
declare const __KMS_WIZARD_WHY__: string;

let cache: Readonly<Record<WhyStep, WhyText>> | undefined;

/** The "why" text of a wizard step (parsed on the first call, then cached). */
export function whyText(step: WhyStep): WhyText {
  cache ??= JSON.parse(__KMS_WIZARD_WHY__) as Record<WhyStep, WhyText>;
  return cache[step];
}
