import { readFileSync } from 'node:fs';
import { parseKeyArn, type KeyArn } from '../../../src/core/arn.js';
import { build } from '../../../src/core/build.js';
import type { BuildResult } from '../../../src/core/build-types.js';
import { readCurrentPolicy, statementFates, type CurrentPolicy, type FateOverrides, type Fates } from '../../../src/core/current-policy/index.js';
import type { PolicySpec } from '../../../src/core/spec.js';

export const KEY_ARN = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

export function key(): KeyArn {
  const k = parseKeyArn(KEY_ARN);
  if (!k.ok) throw new Error(k.error.message);
  return k.value;
}

export const fixtureText = (name: string) => readFileSync(new URL(`../../fixtures/current-policy/${name}`, import.meta.url), 'utf8');

export function current(name: string, text = fixtureText(name)): CurrentPolicy {
  const r = readCurrentPolicy(name, text);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

export function fatesOf(policy: CurrentPolicy, overrides: FateOverrides = {}): Fates {
  const r = statementFates(policy, key(), overrides);
  if (!r.ok) throw new Error(r.error.join('\n'));
  return r.value;
}

/** build() with the administrators the file pre-answers, as generate does without --admin. */
export function buildFor(fates: Fates, spec: Partial<PolicySpec> = {}): BuildResult {
  return build({ keyArn: KEY_ARN, admins: [...fates.admins], consumers: [], access: 'iam', services: ['secretsmanager'], regions: [], ...spec });
}
