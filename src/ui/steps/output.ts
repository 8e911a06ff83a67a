import { FORMAT_NAMES } from '../../output/formats/index.js';
import { OUTPUT_OPTIONS } from '../choices.js';
import { listLines } from '../components/check-list.js';
import { textInputLines } from '../../terminal/text-input.js';
import { blank, line, para, seg, truncate, type Line } from '../../terminal/lines.js';
import { noticeLines } from '../components/notice.js';
import { replaceNotice } from '../replace-warning.js';
import type { WizardState } from '../state.js';
import { editText } from '../../terminal/text-field.js';
import type { ScreenModule } from './types.js';

const cycleFormat = (s: WizardState, delta: number): WizardState => {
  const i = FORMAT_NAMES.indexOf(s.output.format);
  const format = FORMAT_NAMES[(i + delta + FORMAT_NAMES.length) % FORMAT_NAMES.length]!;
  return { ...s, output: { ...s.output, format } };
};

/** Step 9: write the files (after showing what would be overwritten), copy them, or print them. */
export const outputStep: ScreenModule = {
  title: 'Output',
  minHeight: 10,
  why: () => 'output',
  hints: (s) =>
    s.output.phase === 'confirm'
      ? 'y overwrite, n choose again'
      : s.output.phase === 'dir'
        ? 'Enter write here'
        : `↑↓ choose, Enter do it${FORMAT_NAMES.length > 1 ? ', ←→ format' : ''}`,

  onKey(s, ev) {
    const o = s.output;
    if (o.phase === 'confirm') {
      if (ev.kind === 'text' && ev.text.toLowerCase() === 'y') return { ...s, busy: { kind: 'write', dir: o.dir.value.trim() || '.', force: true } };
      if (ev.kind === 'escape' || ev.kind === 'enter' || (ev.kind === 'text' && ev.text.toLowerCase() === 'n')) {
        return { ...s, output: { ...o, phase: 'dir', existing: [] } };
      }
      return s;
    }
    if (o.phase === 'dir') {
      if (ev.kind === 'escape') return { ...s, output: { ...o, phase: 'choose' } };
      if (ev.kind === 'enter') return { ...s, output: { ...o, error: undefined }, busy: { kind: 'plan', dir: o.dir.value.trim() || '.' } };
      const dir = editText(o.dir, ev);
      return dir ? { ...s, output: { ...o, dir, error: undefined } } : s;
    }
    switch (ev.kind) {
      case 'up':
        return { ...s, output: { ...o, cursor: (o.cursor + OUTPUT_OPTIONS.length - 1) % OUTPUT_OPTIONS.length } };
      case 'down':
        return { ...s, output: { ...o, cursor: (o.cursor + 1) % OUTPUT_OPTIONS.length } };
      case 'left':
        return cycleFormat(s, -1);
      case 'right':
      case 'tab':
        return cycleFormat(s, 1);
      case 'enter':
      case 'space': {
        const choice = OUTPUT_OPTIONS[o.cursor]!.choice;
        if (choice === 'write') return { ...s, output: { ...o, phase: 'dir' } };
        if (choice === 'copy') return { ...s, busy: { kind: 'copy' } };
        return { ...s, screen: 'done', finished: { kind: 'printed' } };
      }
      default:
        return undefined;
    }
  },

  view(s, { width, height, color }) {
    const o = s.output;
    const out: Line[] = [];
    if (o.phase === 'choose') {
      out.push(...para('What should happen with the policies?', width), blank);
      out.push(...listLines(OUTPUT_OPTIONS.map((x) => ({ label: x.label })), o.cursor, OUTPUT_OPTIONS.length, width));
      const formats = FORMAT_NAMES.flatMap((f, i) => [...(i ? [seg(' · ', { dim: true })] : []), seg(f, f === o.format ? { bold: true, color: 'cyan', inverse: color } : { dim: true })]);
      out.push(blank, ...para(line(seg('Format: ', { dim: true }), ...formats, seg(formatBlurb(o.format), { dim: true })), width, 8));
      const notice = replaceNotice(s.answers);
      if (notice) out.push(blank, ...noticeLines(notice, width));
      if (o.error) out.push(blank, ...para(line(seg('✘ ', { color: 'red', bold: true }), seg(o.error, { color: 'red' })), width, 2));
    } else {
      out.push(...para(`Directory to write the ${o.format} files into (created if needed; "." is the current directory):`, width), blank);
      out.push(...textInputLines(o.dir, width, color, '.'));
      if (s.busy?.kind === 'plan' || s.busy?.kind === 'write') out.push(blank, line(seg(s.busy.kind === 'plan' ? 'Checking the directory…' : 'Writing…', { dim: true })));
      if (o.error) out.push(blank, ...para(line(seg('✘ ', { color: 'red', bold: true }), seg(o.error, { color: 'red' })), width, 2));
      if (o.phase === 'confirm') {
        out.push(blank, line(seg(`${o.existing.length === 1 ? 'This file exists' : 'These files exist'} and would be overwritten:`, { color: 'yellow', bold: true })));
        const room = Math.max(1, height - out.length - 2);
        for (const p of o.existing.slice(0, room)) out.push(truncate(line(seg('  ! ', { color: 'yellow' }), p), width));
        if (o.existing.length > room) out.push(line(seg(`  … and ${o.existing.length - room} more`, { dim: true })));
        out.push(...para(line(seg('Overwrite? ', { bold: true }), seg('y', { bold: true, color: 'yellow' }), ' overwrites them; ', seg('n', { bold: true }), ' or Esc chooses another directory (nothing is written).'), width));
      }
    }
    return out.slice(0, height);
  },
};

/** A word on what a format gives, shown beside the format choice. */
function formatBlurb(format: string): string {
  return format === 'json' ? '   plain JSON policy documents' : `   ${format} code that creates the key policy and IAM policies`;
}
