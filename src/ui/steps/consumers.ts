import { safeText } from '../../core/terminal-safe.js';
import { checkValue } from '../answers.js';
import { currentPreAnswers } from '../current-policy.js';
import { blank, line, para, seg, type Line } from '../../terminal/lines.js';
import type { WizardState } from '../state.js';
import { listKeys, listView } from './principal-list.js';
import type { ScreenModule } from './types.js';

const PLACEHOLDER = {
  iam: 'an account id such as 111122223333, or a role ARN',
  principals: 'arn:aws:iam::111122223333:role/app',
  account: 'an account id such as 111122223333',
} as const;

/**
 * Roles and users the current policy let use the key directly (the console's
 * "Allow use of the key"): that statement is replaced, so they are offered as
 * consumers, to keep their access through the services. Only those not yet
 * listed and valid for the trust chosen.
 */
export function offeredConsumers(s: WizardState): string[] {
  const direct = currentPreAnswers(s.answers)?.directUsers ?? [];
  return direct.filter((p) => !s.answers.consumers.includes(p) && checkValue(s.answers, 'consumers', p).errors.length === 0);
}

function offerLines(s: WizardState, width: number): Line[] {
  const offered = offeredConsumers(s);
  if (offered.length === 0) return [];
  return [
    blank,
    ...para(
      line(seg('From the current policy: ', { bold: true }), `${offered.map(safeText).join(', ')} used the key directly; that statement is replaced. `, seg('Tab', { bold: true, color: 'cyan' }), ' adds them as consumers, to keep their access through the services.'),
      width,
    ),
  ];
}

/** Step 4: who uses the key; what may be listed depends on the trust mode chosen before. */
export const consumersStep: ScreenModule = {
  title: 'Consumers',
  minHeight: 9,
  why: () => 'consumers',
  hints: (s) => (s.fields.consumers.value ? 'Enter add' : `Enter next${s.answers.consumers.length ? ', Backspace remove last' : ''}${offeredConsumers(s).length ? ', Tab add offered' : ''}`),
  answer: (s) => (s.answers.consumers.length ? s.answers.consumers.join(', ') : "the key's account (default)"),
  onKey: (s, ev) => {
    if (ev.kind === 'tab' && s.fields.consumers.value === '') {
      const offered = offeredConsumers(s);
      return offered.length ? { ...s, answers: { ...s.answers, consumers: [...s.answers.consumers, ...offered] } } : s;
    }
    return listKeys(s, ev, 'consumers');
  },
  view: (s, ctx) => {
    const offer = offerLines(s, ctx.width);
    const list = listView(
      s,
      { ...ctx, height: ctx.height - offer.length },
      'consumers',
      s.answers.access === 'principals'
        ? 'Which roles and users use the key (trust: principals). The key policy names each of them.'
        : s.answers.access === 'account'
          ? 'Which accounts use the key (trust: account). Every principal of these accounts may use it through the services.'
          : 'Which accounts use the key (trust: iam). Roles you list here are named in the IAM policy\'s "attach to" line; the key policy trusts their account.',
      s.answers.access === 'principals' ? 'at least one role or user is needed' : "the key's own account",
      PLACEHOLDER[s.answers.access],
    );
    return [...list, ...offer];
  },
};
