import type { BuildResult } from '../core/build-types.js';
import { FIELD_FLAGS } from '../core/spec.js';
import type { SpecIssue } from '../core/spec-types.js';
import { safeText } from '../core/terminal-safe.js';
import type { NextStep } from './next-step.js';

/** Minimal styling surface (src/cli/style.ts satisfies it). */
interface Paint {
  bold(s: string): string;
  dim(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
}

/** One spec problem as a user reads it: the flag, the value, what is wrong, the fix. */
export function formatIssue(issue: SpecIssue): string {
  // The value (and messages quoting it) come from a flag or a typed answer.
  const where = `${FIELD_FLAGS[issue.field]}${issue.value !== undefined ? ` "${safeText(issue.value)}"` : ''}`;
  return `${where}: ${safeText(issue.message)}${issue.hint ? `\n    fix: ${safeText(issue.hint)}` : ''}`;
}

/** The explanation, notes and warnings of a build, as text. */
export function formatExplanation(result: BuildResult, paint: Paint): string {
  const lines: string[] = [paint.bold('How this pair works:')];
  for (const p of result.explanation) lines.push(`  - ${safeText(p)}`);
  if (result.notes.length > 0) {
    lines.push('', paint.bold('Notes:'));
    for (const n of result.notes) lines.push(`  - ${safeText(n)}`);
  }
  if (result.warnings.length > 0) {
    lines.push('', paint.bold(paint.yellow('Warnings:')));
    for (const w of result.warnings) lines.push(`  ! ${formatIssue(w)}`);
  }
  return lines.join('\n');
}

export function formatNextSteps(steps: readonly NextStep[], paint: Paint): string {
  const lines = [paint.bold('Next steps:')];
  steps.forEach((s, i) => {
    lines.push(`  ${i + 1}. ${safeText(s.title)}`);
    for (const c of s.commands) lines.push(paint.cyan(`     $ ${safeText(c)}`));
  });
  return lines.join('\n');
}
