// Bundled by bench/scaling.mjs (esbuild, from src/): what the wizard runs on
// Enter into Review with a --from policy, through the same core functions —
// the merge with its access comparison, then the review's lint and matrix.
import { parseKeyArn } from '../../src/core/arn.js';
import { build } from '../../src/core/build.js';
import { fromCurrentPolicy, readCurrentPolicy, statementFates } from '../../src/core/current-policy/index.js';
import { validateSpec } from '../../src/core/spec.js';
import { specWithDefaults } from '../../src/commands/spec-flags.js';
import { reviewFindings, reviewMatrix } from '../../src/ui/review-analysis.js';

/** Milliseconds of one Enter into Review with `text` as the key's current policy. */
export function reviewMs(keyArn: string, text: string): number {
  const start = performance.now();
  const current = readCurrentPolicy('current.json', text);
  const key = parseKeyArn(keyArn);
  if (!current.ok || !key.ok) throw new Error('bench input is not a key policy');
  const fates = statementFates(current.value, key.value, { keep: [], drop: [], adminsGiven: false });
  if (!fates.ok) throw new Error(fates.error.join('; '));
  const spec = specWithDefaults({ keyArn, services: ['secretsmanager'], admins: [...fates.value.admins] });
  if (!validateSpec(spec).ok) throw new Error('bench spec does not validate');
  const merged = fromCurrentPolicy(build(spec), current.value, fates.value);
  if (!merged.ok) throw new Error(merged.error.join('; '));
  reviewFindings(merged.value.result);
  reviewMatrix(merged.value.result);
  return performance.now() - start;
}
