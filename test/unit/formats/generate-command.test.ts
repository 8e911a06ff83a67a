// The rerun command the next steps print must give back the same answers:
// validating its flags again gives the same resolved spec.
import { describe, expect, it } from 'vitest';
import { parseArgs } from 'node:util';
import { specAnswersFromFlags, specWithDefaults, SPEC_OPTIONS } from '../../../src/commands/spec-flags.js';
import { validateSpec, type PolicySpec, type ResolvedSpec } from '../../../src/core/spec.js';
import { generateCommand } from '../../../src/output/generate-command.js';

const KEY = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

function resolve(spec: Partial<PolicySpec>): ResolvedSpec {
  const r = validateSpec({ keyArn: KEY, admins: [], consumers: [], access: 'iam', services: [], regions: [], ...spec });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

/** Splits the printed command the way a shell would (values are single-quoted when needed). */
function reparse(command: string): ResolvedSpec {
  const words = [...command.matchAll(/'((?:[^']|'\\'')*)'|(\S+)/g)].map((m) => (m[1] !== undefined ? m[1].replace(/'\\''/g, "'") : m[2]!));
  expect(words.slice(0, 2)).toEqual(['kms-wizard', 'generate']);
  const { values } = parseArgs({ args: words.slice(2), options: { ...SPEC_OPTIONS, format: { type: 'string' }, out: { type: 'string' } }, strict: true });
  const r = validateSpec(specWithDefaults(specAnswersFromFlags(values)));
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

describe('generateCommand', () => {
  it('repeats services that act as themselves and their --source-arn, not the caller-role service they bring', () => {
    const spec = resolve({ services: ['logs', 'cloudtrail', 'secretsmanager'], sourceArns: ['arn:aws:cloudtrail:us-east-1:111122223333:trail/main'] });
    const command = generateCommand(spec);
    expect(command).toContain('--service cloudtrail');
    expect(command).toContain('--source-arn arn:aws:cloudtrail:us-east-1:111122223333:trail/main');
    expect(command.match(/--service logs\b/g)).toHaveLength(1);
    const again = reparse(command);
    expect(again.principalServices.map((p) => [p.entry.id, p.sourceArns])).toEqual(spec.principalServices.map((p) => [p.entry.id, p.sourceArns]));
    expect(again.services.map((s) => s.name)).toEqual(spec.services.map((s) => s.name));
  });
});
