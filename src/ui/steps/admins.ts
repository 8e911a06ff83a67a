import { listKeys, listView } from './principal-list.js';
import type { ScreenModule } from './types.js';

/** Step 2: who manages the key (never uses it). */
export const adminsStep: ScreenModule = {
  title: 'Administrators',
  minHeight: 9,
  why: () => 'admins',
  hints: (s) => (s.fields.admins.value ? 'Enter add' : `Enter next${s.answers.admins.length ? ', Backspace remove last' : ''}`),
  answer: (s) => (s.answers.admins.length ? s.answers.admins.join(', ') : "the key's account root (default)"),
  onKey: (s, ev) => listKeys(s, ev, 'admins'),
  view: (s, ctx) =>
    listView(
      s,
      ctx,
      'admins',
      'Who may manage the key: change its policy, rotate, disable or delete it. Administrators get no cryptographic actions: they cannot encrypt or decrypt with it. Add role or user ARNs (or an account id), or leave empty.',
      "the key's account root administers it, so IAM policies in that account decide who",
      'arn:aws:iam::111122223333:role/KeyAdmin',
    ),
};
