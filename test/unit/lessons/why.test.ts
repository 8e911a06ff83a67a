import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lessonsDir } from '../../../src/lessons/package-root.js';
import { loadWhySections, WHY_STEPS, whyText } from '../../../src/lessons/why.js';
import { splitLessonFile } from '../../../src/lessons/markdown-sections.js';
import { lessonFiles } from '../../../src/lessons/load-lessons.js';
import { readFileSync } from 'node:fs';

describe('whyText: the wizard reads the lessons', () => {
  it('every wizard step is marked exactly once across the lessons', () => {
    const counts = new Map<string, string[]>();
    for (const file of lessonFiles(lessonsDir())) {
      for (const s of splitLessonFile(readFileSync(join(lessonsDir(), file), 'utf8'))!.sections) {
        if (s.why) counts.set(s.why, [...(counts.get(s.why) ?? []), `${file}: ${s.title}`]);
      }
    }
    for (const step of WHY_STEPS) expect(counts.get(step), `why: ${step}`).toHaveLength(1);
    expect([...counts.keys()].filter((k) => !(WHY_STEPS as readonly string[]).includes(k))).toEqual([]);
  });

  it.each(WHY_STEPS)('"%s" has a title, a body without markers or exercises, and its lesson id', (step) => {
    const why = whyText(step);
    expect(why.lessonId).toMatch(/^[a-z0-9-]+$/);
    expect(why.title).not.toBe(step);
    expect(why.body.length).toBeGreaterThan(100);
    expect(why.body).not.toMatch(/<!--\s*why:/);
    expect(why.body).not.toContain('```exercise');
  });

  it('returns the same object on later calls (cached)', () => {
    expect(whyText('regions')).toBe(whyText('regions'));
  });

  it('reads a section only when the marker is right under its heading', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kmsw-why-'));
    writeFileSync(
      join(dir, '01-sample.md'),
      [
        '---', 'id: sample', '---', 'Intro.', '',
        '## Marked', '<!-- why: key -->', 'Key text with `code`.', '', '```json', '## not a heading', '```', '',
        '```exercise', 'id: x', '```', '',
        '## Not marked', '', '<!-- why: admins -->', 'Too far down.',
      ].join('\n'),
    );
    const map = loadWhySections(dir);
    expect([...map.keys()]).toEqual(['key']);
    expect(map.get('key')).toEqual({ title: 'Marked', body: 'Key text with `code`.\n\n```json\n## not a heading\n```', lessonId: 'sample' });
  });
});
