// The IaC formats fill text templates kept in the repository's templates/
// directory. The build puts them into the bundle as one JSON constant
// (scripts/template-defines.mjs, also for vitest), so no file is read at run
// time; they are parsed once per process.

/** templates/** as `{"terraform/key.tf": "...", ...}` (defined at build time). */
declare const __KMS_WIZARD_TEMPLATES__: string;

let texts: Readonly<Record<string, string>> | undefined;

/** The text of `templates/<name>`. */
export function loadTemplate(name: string): string {
  texts ??= JSON.parse(__KMS_WIZARD_TEMPLATES__) as Record<string, string>;
  const text = texts[name];
  if (text === undefined) throw new Error(`no template ${name} (templates/ has ${Object.keys(texts).join(', ')})`);
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
