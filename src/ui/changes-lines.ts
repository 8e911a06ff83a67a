/**
 * The review's Changes tab: what happens to each statement of the key's
 * current policy, and the access added and removed, in the words
 * `generate --from` prints (the same formatter, with no colour codes: the
 * wizard draws its own lines). The formatter passes file text through
 * safeText.
 */
import type { FromCurrentPolicy } from '../core/current-policy/index.js';
import { fromText } from '../output/current-policy-text.js';
import { line, para, seg, type Line } from '../terminal/lines.js';

const same = (s: string) => s;
const PLAIN = { bold: same, dim: same, yellow: same, red: same, green: same };

export function changesLines(from: FromCurrentPolicy, width: number): Line[] {
  return fromText(from, PLAIN)
    .split('\n')
    .flatMap((text) => {
      const indent = text.length - text.trimStart().length;
      // Headings (no indent) stand out; wrapped lines hang under their text.
      return para(indent === 0 ? line(seg(text, { bold: true })) : line(text), width, indent + 2);
    });
}

/** The Overview's lines about the current policy: counts, and where to read more. */
export function changesSummaryLines(from: FromCurrentPolicy, width: number): Line[] {
  const count = (fate: string) => from.fates.statements.filter((f) => f.fate === fate).length;
  const { added, removed } = from.access;
  return para(
    line(
      seg('Current policy: ', { bold: true }),
      `${count('kept')} statement(s) kept, ${count('replaced')} replaced, ${count('merged')} merged; `,
      seg(`${removed.length} request(s) lose access, ${added.length} gain it`, { color: from.warnings.length > 0 ? 'yellow' : undefined, bold: from.warnings.length > 0 }),
      ', see Changes',
    ),
    width,
  );
}
