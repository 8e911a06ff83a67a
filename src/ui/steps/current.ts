import { parseKeyArn } from '../../core/arn.js';
import { safeText } from '../../core/terminal-safe.js';
import { textInputLines } from '../../terminal/text-input.js';
import { currentPolicySummary } from '../current-policy.js';
import { blank, line, para, seg, type Line } from '../../terminal/lines.js';
import type { WizardState } from '../state.js';
import { editText } from '../../terminal/text-field.js';
import type { ScreenModule } from './types.js';

/** The name `aws kms get-key-policy ... > FILE` is shown with, and what an empty answer reads. */
export const CURRENT_POLICY_FILE = 'current-key-policy.json';

/** The command that saves the key's current policy (its ARN when known), as "Use GetKeyPolicy with an AWS SDK or CLI" in the KMS developer guide gives it. */
export function getKeyPolicyCommand(keyArn: string): string {
  const arn = parseKeyArn(keyArn).ok ? keyArn : 'KEY_ARN';
  return `aws kms get-key-policy --key-id ${arn} --policy-name default --query Policy --output text > ${CURRENT_POLICY_FILE}`;
}

/** The path the user asked for (the default name when the field is empty). */
const wantedFile = (s: WizardState) => s.fields.current.value.trim() || CURRENT_POLICY_FILE;

/** Step 3 when starting from the key's current policy: the file that holds it, read and checked on Enter. */
export const currentStep: ScreenModule = {
  title: 'Current policy',
  minHeight: 11,
  why: () => 'current',
  hints: () => 'Enter read the file, Ctrl-U clear',
  answer: (s) => (s.answers.current ? safeText(currentPolicySummary(s.answers.current)) : ''),

  onKey(s, ev) {
    if (ev.kind === 'enter') return { ...s, currentError: undefined, busy: { kind: 'read', file: wantedFile(s) } };
    const field = editText(s.fields.current, ev);
    return field ? { ...s, fields: { ...s.fields, current: field }, currentError: undefined } : undefined;
  },

  view(s, { width, color }) {
    const out: Line[] = [
      ...para("The key's current key policy: statements kms-wizard does not own (Deny, service principals, other accounts) are kept, and the review shows what access changes. Save it with:", width),
      ...para(line(seg(`  $ ${getKeyPolicyCommand(s.answers.keyArn)}`, { color: 'cyan' })), width, 4),
      ...para(line(seg('(--query Policy --output text prints the policy document itself, not the response around it.)', { dim: true })), width),
      blank,
      ...para('Path of the file:', width),
      ...textInputLines(s.fields.current, width, color, CURRENT_POLICY_FILE),
    ];
    if (s.busy?.kind === 'read') out.push(line(seg('Reading…', { dim: true })));
    else if (s.currentError) out.push(...para(line(seg('✘ ', { color: 'red', bold: true }), seg(safeText(s.currentError), { color: 'red' })), width, 2));
    else if (s.answers.current) out.push(...para(line(seg('✔ ', { color: 'green', bold: true }), `read ${safeText(currentPolicySummary(s.answers.current))}`), width, 2));
    return out;
  },
};
