import { listKeys, listView } from './principal-list.js';
import type { ScreenModule } from './types.js';

const PLACEHOLDER = {
  iam: 'an account id such as 111122223333, or a role ARN',
  principals: 'arn:aws:iam::111122223333:role/app',
  account: 'an account id such as 111122223333',
} as const;

/** Step 4: who uses the key; what may be listed depends on the trust mode chosen before. */
export const consumersStep: ScreenModule = {
  title: 'Consumers',
  minHeight: 9,
  why: () => 'consumers',
  hints: (s) => (s.fields.consumers.value ? 'Enter add' : `Enter next${s.answers.consumers.length ? ', Backspace remove last' : ''}`),
  answer: (s) => (s.answers.consumers.length ? s.answers.consumers.join(', ') : "the key's account (default)"),
  onKey: (s, ev) => listKeys(s, ev, 'consumers'),
  view: (s, ctx) =>
    listView(
      s,
      ctx,
      'consumers',
      s.answers.access === 'principals'
        ? 'Which roles and users use the key (trust: principals). The key policy names each of them.'
        : s.answers.access === 'account'
          ? 'Which accounts use the key (trust: account). Every principal of these accounts may use it through the services.'
          : 'Which accounts use the key (trust: iam). Roles you list here are named in the IAM policy\'s "attach to" line; the key policy trusts their account.',
      s.answers.access === 'principals' ? 'at least one role or user is needed' : "the key's own account",
      PLACEHOLDER[s.answers.access],
    ),
};
