import { ACCESS_OPTIONS } from '../choices.js';
import { listLines } from '../components/check-list.js';
import { blank, line, para, seg, type Line } from '../../terminal/lines.js';
import { advance } from '../navigation.js';
import { pickKeys, pickState } from '../pick-list.js';
import type { ScreenModule } from './types.js';

/** Step 3: how the key policy lets consumers in (iam / principals / account), each option explained. */
export const accessStep: ScreenModule = {
  title: 'Trust',
  minHeight: 9,
  why: (s) => `access-${ACCESS_OPTIONS[s.lists.access]!.mode}`,
  hints: () => '↑↓ choose, Enter select',
  answer: (s) => s.answers.access,

  onKey(s, ev) {
    const r = pickKeys(pickState(s.lists.access), ev, ACCESS_OPTIONS.length, ACCESS_OPTIONS.length, false);
    if (!r) return undefined;
    const moved = { ...s, lists: { ...s.lists, access: r.state.cursor } };
    if (r.act === 'submit' || r.act === 'toggle') {
      const chosen = { ...moved, answers: { ...s.answers, access: ACCESS_OPTIONS[r.state.cursor]!.mode } };
      return r.act === 'submit' ? advance(chosen) : chosen;
    }
    return moved;
  },

  view(s, { width, height }) {
    const option = ACCESS_OPTIONS[s.lists.access]!;
    const out: Line[] = [...para('How should the key policy let the consumers in?', width), blank];
    out.push(...listLines(ACCESS_OPTIONS.map((o) => ({ label: o.label, ...(o.mode === s.answers.access ? { tag: '(current)' } : {}) })), s.lists.access, ACCESS_OPTIONS.length, width));
    out.push(blank, ...para(line(seg(`${option.mode}: `, { bold: true }), option.summary), width, 2));
    return out.slice(0, height);
  },
};
