import { describe, expect, it } from 'vitest';
import { FORMAT_NEXT_STEPS } from '../../../src/output/formats/iac-next-steps.js';
import { FORMATS } from '../../../src/output/formats/index.js';
import { BUILT } from './specs.js';

describe.each(Object.keys(FORMAT_NEXT_STEPS))('next steps for --format %s', (format) => {
  it.each(BUILT)('$name: name only files the format writes, and keep the checks', ({ result }) => {
    const written = FORMATS[format]!(result).map((f) => f.name);
    const steps = FORMAT_NEXT_STEPS[format]!(result, 'out');
    const commands = steps.flatMap((s) => s.commands).join('\n');
    const text = steps.map((s) => `${s.title}\n${s.commands.join('\n')}`).join('\n');
    const mentioned = [...text.matchAll(/\b(kms-policy[\w-]*\.(?:tf|yaml|ts))\b/g)].map((m) => m[1]);
    expect(mentioned.length).toBeGreaterThan(0);
    for (const m of mentioned) expect(written).toContain(m);
    // Only the key policy, which no IaC tool can put on an existing key, is applied from JSON.
    expect(commands).not.toMatch(/iam-policy[\w-]*\.json/);
    expect(steps.filter((s) => s.title.startsWith('Check:'))).toHaveLength(2);
  });
});
