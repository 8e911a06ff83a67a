// The IaC formats fill text templates shipped in the package's templates/
// directory. They are read at run time from the package root (found by
// walking up to the package.json named kms-wizard), so the same code works from
// src/ under vitest, from dist/chunks/ in the bundle and from an installed
// package; a template is read once per process.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;
const cache = new Map<string, string>();

function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === 'kms-wizard') return (root = dir);
    } catch {
      // No readable package.json here: keep walking up.
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find the kms-wizard package (with its templates/) above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

/** The text of `templates/<name>`. */
export function loadTemplate(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(join(packageRoot(), 'templates', name), 'utf8');
    cache.set(name, text);
  }
  return text;
}

const PLACEHOLDER = /\{\{([a-zA-Z][a-zA-Z0-9]*)\}\}/g;
const ALONE_ON_LINE = /^([ \t]*)\{\{([a-zA-Z][a-zA-Z0-9]*)\}\}[ \t]*$/;

/**
 * Replaces every `{{name}}` with `values[name]`. A placeholder alone on its
 * line is a block: each line of the value gets the placeholder's indentation,
 * and an empty value removes the line. Values are inserted as they are (never
 * re-scanned). A placeholder without a value, or a value no placeholder uses,
 * is a programming error and throws, so templates and code cannot drift apart.
 */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  const used = new Set<string>();
  const take = (name: string): string => {
    const v = values[name];
    if (v === undefined) throw new Error(`template placeholder {{${name}}} has no value`);
    used.add(name);
    return v;
  };
  const out: string[] = [];
  for (const line of template.split('\n')) {
    const block = ALONE_ON_LINE.exec(line);
    if (block) {
      const [, indent, name] = block as unknown as [string, string, string];
      const value = take(name);
      if (value !== '') out.push(...value.split('\n').map((l) => (l === '' ? '' : indent + l)));
      continue;
    }
    out.push(line.replace(PLACEHOLDER, (_, name: string) => take(name)));
  }
  const unused = Object.keys(values).filter((k) => !used.has(k));
  if (unused.length > 0) throw new Error(`template has no placeholder for ${unused.map((k) => `{{${k}}}`).join(', ')}`);
  return out.join('\n');
}

/** A finished file: at most one blank line in a row and exactly one final newline. */
export function finishFile(text: string): string {
  return `${text.replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
