import { EXAMPLE_KEY_ARN, parseKeyArn } from '../../core/arn.js';
import { errorsFor, warningsFor } from '../answers.js';
import { issueLines } from '../components/issues.js';
import { textInputLines } from '../../terminal/text-input.js';
import { blank, line, para, seg, type Line } from '../../terminal/lines.js';
import { advance } from '../navigation.js';
import type { WizardState } from '../state.js';
import { editText } from '../../terminal/text-field.js';
import { newKeyAnswer, newKeyKeys, newKeyView } from './new-key.js';
import type { ScreenModule } from './types.js';
import { withCurrentPolicy } from '../current-policy.js';

/** Step 1: the key ARN, checked as it is typed; an alias or key id is refused with the way to find the ARN. */
export const keyStep: ScreenModule = {
  title: 'Key',
  minHeight: 8,
  why: (s) => (s.answers.start === 'new' ? 'new-key' : 'key'),
  hints: (s) => (s.answers.start !== 'new' ? 'Enter next, Ctrl-U clear' : s.newKeyPhase === 'account' ? 'Enter next' : s.newKeyPhase === 'region' ? 'type to filter, Enter choose' : '↑↓ choose, Enter select'),
  answer: (s) => (s.answers.start === 'new' ? newKeyAnswer(s.answers) : s.answers.keyArn),

  onKey(s, ev) {
    if (s.answers.start === 'new') return newKeyKeys(s, ev);
    if (ev.kind === 'enter') {
      const errors = errorsFor(s.answers, ['keyArn']);
      return errors.length > 0 ? { ...s, issues: errors } : advance(withFileReread(s));
    }
    const field = editText(s.fields.key, ev);
    if (!field) return undefined;
    return withKey(s, field.value, field);
  },

  view(s, ctx) {
    if (s.answers.start === 'new') return newKeyView(s, ctx);
    const { width, color } = ctx;
    const out: Line[] = [
      ...para('Paste the ARN of the KMS key these policies are for. IAM policies must name the key by its ARN, so an alias or key id is not enough.', width),
      blank,
      ...textInputLines(s.fields.key, width, color, EXAMPLE_KEY_ARN),
    ];
    const value = s.fields.key.value.trim();
    if (s.issues.length > 0) return [...out, ...issueLines(s.issues, width, 'error')];
    if (value === '') return [...out, ...para(line(seg('Find it with: ', { dim: true }), seg('aws kms describe-key --key-id alias/NAME --query KeyMetadata.Arn --output text', { color: 'cyan' })), width, 2)];
    const parsed = parseKeyArn(value);
    if (!parsed.ok) {
      return [...out, ...issueLines([{ field: 'keyArn', message: parsed.error.message, hint: parsed.error.hint }], width, 'error')];
    }
    const k = parsed.value;
    out.push(line(seg('✔ ', { color: 'green', bold: true }), `${k.multiRegion ? 'multi-Region key' : 'key'} in ${k.region}, account ${k.account} (partition ${k.partition})`));
    out.push(...issueLines(warningsFor(s.answers, 'keyArn'), width, 'warning'));
    return out;
  },
};

/**
 * A current policy given by --from was read before the key was known (or
 * with another key): its pre-answers depend on the key's account, so they
 * are read again for this key.
 */
function withFileReread(s: WizardState): WizardState {
  const { current, start, keyArn } = s.answers;
  if (start !== 'current' || !current || s.currentReadFor === keyArn) return s;
  return { ...s, currentReadFor: keyArn, answers: withCurrentPolicy(s.answers, current, s.preAnswered) };
}

function withKey(s: WizardState, keyArn: string, field: WizardState['fields']['key']): WizardState {
  return { ...s, answers: { ...s.answers, keyArn }, fields: { ...s.fields, key: field } };
}
