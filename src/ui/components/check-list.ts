import { line, seg, truncate, type Line } from '../../terminal/lines.js';

/** One row of a list. */
export interface ListRow {
  readonly label: string;
  /** Checkbox state; undefined for a one-choice list (radio) or an action row. */
  readonly checked?: boolean;
  /** Shown dimmed after the label (e.g. "ebs" for ec2, "grants"). */
  readonly tag?: string;
  /** Cannot be selected (CloudTrail): dimmed, marked. */
  readonly disabled?: boolean;
}

/**
 * The rows of a list around the cursor, at most `height` lines, with
 * "↑ n more" / "↓ n more" markers when it scrolls. The cursor row starts
 * with "›" (visible without colour); checkboxes show as [x] / [ ].
 */
export function listLines(rows: readonly ListRow[], cursor: number, height: number, width: number): Line[] {
  if (rows.length === 0) return [];
  const h = Math.max(3, height);
  let visible = Math.min(rows.length, h);
  let start = 0;
  if (rows.length > h) {
    visible = h - 2; // room for both markers
    start = Math.min(Math.max(0, cursor - Math.floor(visible / 2)), rows.length - visible);
  }
  const out: Line[] = [];
  if (rows.length > h) out.push(line(seg(start > 0 ? `  ↑ ${start} more` : '', { dim: true })));
  for (let i = start; i < start + visible; i++) {
    const r = rows[i]!;
    const here = i === cursor;
    const box = r.checked === undefined ? '' : r.disabled ? '[-] ' : r.checked ? '[x] ' : '[ ] ';
    out.push(
      truncate(
        line(
          seg(here ? '› ' : '  ', { color: 'cyan', bold: true }),
          seg(box, { color: r.checked ? 'green' : undefined, dim: r.disabled }),
          seg(r.label, { bold: here, color: here ? 'cyan' : undefined, dim: r.disabled }),
          ...(r.tag ? [seg(`  ${r.tag}`, { dim: true })] : []),
        ),
        width,
      ),
    );
  }
  if (rows.length > h) {
    const below = rows.length - start - visible;
    out.push(line(seg(below > 0 ? `  ↓ ${below} more` : '', { dim: true })));
  }
  return out;
}
