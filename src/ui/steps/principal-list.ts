/**
 * The shared shape of the Administrators and Consumers steps: type an ARN (or
 * account id), Enter adds it, Enter on an empty line continues, Backspace on
 * an empty line removes the last entry. Each value is checked as it is typed.
 */
import { safeText } from '../../core/terminal-safe.js';
import { checkValue, errorsFor, splitValues, warningsFor } from '../answers.js';
import { currentPreAnswers } from '../current-policy.js';
import { issueLines } from '../components/issues.js';
import { textInputLines } from '../../terminal/text-input.js';
import type { KeyEvent } from '../../terminal/keys.js';
import { blank, line, para, seg, truncate, type Line } from '../../terminal/lines.js';
import { advance } from '../navigation.js';
import type { WizardState } from '../state.js';
import { editText, textField } from '../../terminal/text-field.js';
import type { ViewContext } from './types.js';

type ListField = 'admins' | 'consumers' | 'sourceArns';

export function listKeys(s: WizardState, ev: KeyEvent, field: ListField): WizardState | undefined {
  const text = s.fields[field];
  const values = s.answers[field] ?? [];
  if (ev.kind === 'enter') {
    const typed = splitValues(text.value);
    if (typed.length === 0) {
      const errors = errorsFor(s.answers, [field]);
      return errors.length > 0 ? { ...s, issues: errors } : advance(s);
    }
    const errors = typed.flatMap((v) => checkValue(s.answers, field, v).errors);
    if (errors.length > 0) return { ...s, issues: errors };
    const next = [...values, ...typed.filter((v) => !values.includes(v))];
    return { ...s, answers: { ...s.answers, [field]: next }, fields: { ...s.fields, [field]: textField('') } };
  }
  if (ev.kind === 'backspace' && text.value === '' && values.length > 0) {
    return { ...s, answers: { ...s.answers, [field]: values.slice(0, -1) } };
  }
  const edited = editText(text, ev);
  return edited ? { ...s, fields: { ...s.fields, [field]: edited } } : undefined;
}

/** The list's lines: intro, entries so far (or the default), the input, and what is wrong with it. */
export function listView(s: WizardState, ctx: ViewContext, field: ListField, intro: string, emptyMeaning: string, placeholder: string): Line[] {
  const { width, color } = ctx;
  const values = s.answers[field] ?? [];
  const out: Line[] = [...para(intro, width), blank];
  if (values.length === 0) out.push(...para(line(seg(`  (none yet: ${emptyMeaning})`, { dim: true })), width, 3));
  // Source ARNs are never read from a current policy; admins and consumers can be.
  const pre: readonly string[] = field === 'sourceArns' ? [] : (currentPreAnswers(s.answers)?.[field] ?? []);
  if (values.length > 0 && pre.length === values.length && pre.every((v) => values.includes(v))) {
    out.push(...para(line(seg(`  read from ${safeText(s.answers.current!.file)}; Backspace removes, or type more`, { dim: true })), width, 4));
  }
  const room = Math.max(1, ctx.height - out.length - 6);
  const shown = values.length > room ? values.slice(values.length - room + 1) : values;
  if (shown.length < values.length) out.push(line(seg(`  … ${values.length - shown.length} more above`, { dim: true })));
  for (const v of shown) out.push(truncate(line(seg('  ✔ ', { color: 'green' }), v), width));
  out.push(...textInputLines(s.fields[field], width, color, placeholder));
  if (s.issues.length > 0) return [...out, ...issueLines(s.issues, width, 'error')];
  const typed = splitValues(s.fields[field].value);
  const checks = typed.map((v) => checkValue(s.answers, field, v));
  const errors = checks.flatMap((c) => c.errors);
  if (errors.length > 0) return [...out, ...issueLines(errors, width, 'error')];
  if (typed.length > 0) return [...out, line(seg('✔ ', { color: 'green', bold: true }), seg('Enter adds it', { dim: true })), ...issueLines(checks.flatMap((c) => c.warnings), width, 'warning')];
  return [...out, ...issueLines(warningsFor(s.answers, field), width, 'warning')];
}
