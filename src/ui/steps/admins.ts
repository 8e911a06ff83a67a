import { parseKeyArn } from '../../core/arn.js';
import { listKeys, listView } from './principal-list.js';
import type { ScreenModule } from './types.js';

/** An example administrator in the key's own account (where administrators usually are), once the key is known. */
function placeholder(keyArn: string): string {
  const key = parseKeyArn(keyArn);
  return key.ok ? `arn:${key.value.partition}:iam::${key.value.account}:role/KeyAdmin` : 'arn:aws:iam::111122223333:role/KeyAdmin';
}

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
      placeholder(s.answers.keyArn),
    ),
};
