import { describe, expect, it } from 'vitest';
import { WHY_STEPS } from '../../../src/lessons/why-steps.js';
import { whyText } from '../../../src/lessons/why.js';

describe('whyText: the wizard reads the compiled lessons', () => {
  it.each(WHY_STEPS)('"%s" has a title, a body without markers or exercises, and its lesson id', (step) => {
    const why = whyText(step);
    expect(why.lessonId).toMatch(/^[a-z0-9-]+$/);
    expect(why.title).not.toBe(step);
    expect(why.body.length).toBeGreaterThan(100);
    expect(why.body).not.toMatch(/<!--\s*why:/);
    expect(why.body).not.toContain('```exercise');
  });

  it('returns the same object on later calls (parsed once)', () => {
    expect(whyText('regions')).toBe(whyText('regions'));
  });
});
