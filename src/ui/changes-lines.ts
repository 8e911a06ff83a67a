/**
 * The review's Changes tab: what happens to each statement of the key's
 * current policy, and the access added and removed, in the words
 * `generate --from` prints (the same formatter, with no colour codes: the
 * wizard draws its own lines). The formatter passes file text through
 * safeText.
 */
import type { FromCurrentPolicy } from '../core/current-policy/index.js';
import { fromText } from '../output/current-policy-text.js';
import { inWizardWords } from './field-words.js';
import { line, para, seg, type Line } from '../terminal/lines.js';

const same = (s: string) => s;
const PLAIN = { bold: same, dim: same, yellow: same, red: same, green: same };

export function changesLines(from: FromCurrentPolicy, width: number): Line[] {
  // generate's words, with its flags said as the wizard's steps ("unless changed on the Administrators step").
  return inWizardWords(fromText(from, PLAIN))
    .split('\n')
    .flatMap((text) => {
      const indent = text.length - text.trimStart().length;
      // Headings (no indent) stand out; wrapped lines hang under their text.
      return para(indent === 0 ? line(seg(text, { bold: true })) : line(text), width, indent + 2);
    });
}

const plural = (n: number, word: string) => (n === 1 ? word : `${word}s`);

/** The Overview's lines about the current policy: counts, and where to read more. */
export function changesSummaryLines(from: FromCurrentPolicy, width: number): Line[] {
  const count = (fate: string) => from.fates.statements.filter((f) => f.fate === fate).length;
  const { added, removed } = from.access;
  return para(
    line(
      seg('Current policy: ', { bold: true }),
      `${count('kept')} ${plural(count('kept'), 'statement')} kept, ${count('replaced')} replaced, ${count('merged')} merged; `,
      seg(`${removed.length} ${plural(removed.length, 'request')} ${removed.length === 1 ? 'loses' : 'lose'} access, ${added.length} ${added.length === 1 ? 'gains' : 'gain'} it`, { color: from.warnings.length > 0 ? 'yellow' : undefined, bold: from.warnings.length > 0 }),
      ', see Changes',
    ),
    width,
  );
}
