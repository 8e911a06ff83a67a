import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * The kms-wizard package directory (the one holding lessons/): found by
 * walking up from this module to the package.json named kms-wizard, so it
 * works from src/lessons/ under vitest and from dist/ or dist/chunks/ in the
 * bundle.
 */
export function packageRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === 'kms-wizard') return (cached = dir);
    } catch {
      // No (readable) package.json here: keep walking up.
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the kms-wizard package directory (with its lessons/) above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
}

/** The directory holding the lesson markdown files. */
export function lessonsDir(): string {
  return join(packageRoot(), 'lessons');
}
