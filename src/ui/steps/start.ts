import { START_OPTIONS } from '../choices.js';
import { listLines } from '../components/check-list.js';
import { blank, line, para, seg, type Line } from '../../terminal/lines.js';
import { advance } from '../navigation.js';
import { pickKeys, pickState } from '../pick-list.js';
import type { ScreenModule } from './types.js';

/** Step 1: where the key policy starts: a new key, an existing key, or an existing key and its current policy. */
export const startStep: ScreenModule = {
  title: 'Start',
  minHeight: 9,
  why: () => 'start',
  hints: () => '↑↓ choose, Enter select',
  answer: (s) => START_OPTIONS.find((o) => o.choice === s.answers.start)!.short,

  onKey(s, ev) {
    const r = pickKeys(pickState(s.lists.start), ev, START_OPTIONS.length, START_OPTIONS.length, false);
    if (!r) return undefined;
    const moved = { ...s, lists: { ...s.lists, start: r.state.cursor } };
    if (r.act !== 'submit') return moved;
    return advance({ ...moved, answers: { ...s.answers, start: START_OPTIONS[r.state.cursor]!.choice } });
  },

  view(s, { width, height }) {
    const option = START_OPTIONS[s.lists.start]!;
    const out: Line[] = [...para('What is this key policy for?', width), blank];
    out.push(...listLines(START_OPTIONS.map((o) => ({ label: o.label })), s.lists.start, START_OPTIONS.length, width));
    out.push(blank, ...para(line(seg(`${option.short}: `, { bold: true }), option.summary), width, 2));
    return out.slice(0, height);
  },
};
