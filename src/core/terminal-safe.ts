/**
 * Text from a policy file or a flag is untrusted (a pull request, a blog
 * post): printed raw, an escape sequence in a Sid could retitle the terminal
 * or move the cursor up and erase lines, hiding findings from a reviewer
 * reading CI output (terminal escape injection). Every string that comes from
 * input passes through {@link safeText} where it becomes terminal output;
 * JSON and SARIF output are JSON-encoded and need no escaping.
 *
 * Shown as `\uXXXX`: C0 controls (tab, line feed and carriage return too: the
 * tool prints its own line breaks), DEL, C1 controls, and the invisible or
 * bidirectional-override characters U+200B-U+200F, U+202A-U+202E and
 * U+2066-U+2069 (the "Trojan Source" class).
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g;

const escape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** `s` with every control, invisible and bidi-override character shown as a visible `\uXXXX` escape. */
export function safeText(s: string): string {
  return s.replace(UNSAFE, escape);
}

/**
 * Text the tool assembled line by line (an error message listing several
 * files, a prompt): each line through {@link safeText}, the line breaks kept.
 * The boundary for whole messages; values inside them should still pass
 * through safeText where they are interpolated, so their own line breaks show.
 */
export function safeLines(s: string): string {
  return s.split('\n').map(safeText).join('\n');
}
