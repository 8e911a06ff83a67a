// The text of an AWS CLI export as JSON values. One file may hold one value,
// or several pages written one after another (`aws ... --no-paginate` run per
// page and concatenated, or `cat page1.json page2.json`).
import { ExportError } from './export-error.js';

const WHOLE_FILE = '(file)';

/** Refuses an empty or binary file before JSON.parse, with the reason a person needs. */
function checkText(file: string, text: string): string {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw new ExportError(file, WHOLE_FILE, 'the file is empty: run the AWS CLI command again and save its output (the command may have failed before printing)');
  // A binary file shows itself in its first bytes (a NUL, bytes that are not UTF-8); exports run to
  // hundreds of megabytes, so only the head is scanned.
  const head = body.slice(0, 65536);
  if (head.includes('\u0000') || (head.match(/\uFFFD/g)?.length ?? 0) > 2) {
    throw new ExportError(file, WHOLE_FILE, 'the file is binary, not the JSON the AWS CLI prints (was it compressed, or saved with --output text/table?): save the output of the command with --output json');
  }
  return body;
}

/**
 * Splits concatenated top-level JSON values, respecting strings. Returns the
 * pieces, or `truncated` when the text ends inside a value.
 */
function splitValues(text: string): { pieces: string[]; truncated: boolean } {
  const pieces: string[] = [];
  let depth = 0;
  let inString = false;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') {
      inString = true;
      if (start < 0) start = i;
    } else if (c === '{' || c === '[') {
      if (depth === 0) start = i;
      depth++;
    } else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0 && start >= 0) {
        pieces.push(text.slice(start, i + 1));
        start = -1;
      }
    }
  }
  return { pieces, truncated: depth > 0 || inString };
}

/** The JSON values of an export file, in order; throws an {@link ExportError} naming the file. */
export function parseExportValues(file: string, text: string): unknown[] {
  const body = checkText(file, text);
  try {
    return [JSON.parse(body)];
  } catch (err) {
    const { pieces, truncated } = splitValues(body);
    if (truncated) throw new ExportError(file, WHOLE_FILE, 'the JSON ends in the middle of a value: the file looks truncated (an interrupted download or a full disk); export it again');
    if (pieces.length > 1) {
      try {
        return pieces.map((p) => JSON.parse(p) as unknown);
      } catch {
        // fall through to the first parse's message
      }
    }
    throw new ExportError(file, WHOLE_FILE, `not valid JSON (${(err as Error).message}); save the AWS CLI output with --output json`);
  }
}

/** Exactly one JSON value. */
export function parseExportValue(file: string, text: string): unknown {
  const values = parseExportValues(file, text);
  if (values.length !== 1) throw new ExportError(file, WHOLE_FILE, `holds ${values.length} JSON values one after another; give one per file`);
  return values[0];
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
