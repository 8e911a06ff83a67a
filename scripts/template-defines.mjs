// The IaC formats' text templates (templates/**) as one build-time constant,
// so the package reads no templates/ folder at run time (and ships none):
// used by scripts/build.mjs and vitest.config.ts alike.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

/** `{ __KMS_WIZARD_TEMPLATES__: '"{\"terraform/key.tf\": \"...\"}"' }` for esbuild's and vite's define. */
export function templateDefines(dir = 'templates') {
  const texts = Object.fromEntries(files(dir).sort().map((f) => [relative(dir, f).split('\\').join('/'), readFileSync(f, 'utf8')]));
  return { __KMS_WIZARD_TEMPLATES__: JSON.stringify(JSON.stringify(texts)) };
}
