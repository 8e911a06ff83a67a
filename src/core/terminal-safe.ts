/**
 * Text from a policy file or a flag is untrusted (a pull request, a blog
 * post): printed raw, an escape sequence in a Sid could retitle the terminal
 * or move the cursor up and erase lines, hiding findings from a reviewer
 * reading CI output (terminal escape injection), and an invisible or
 * direction-changing character can make a spoofed ARN look real. Every
 * string that comes from input passes through {@link safeText} where it
 * becomes terminal output; JSON output passes through {@link jsonText}.
 *
 * Shown as `\uXXXX` (each UTF-16 unit, so the escape is also valid JSON,
 * JavaScript, HCL and YAML in a double-quoted string, and means the same
 * character there):
 * - \p{Cc}: C0 controls (tab, line feed and carriage return too: the tool
 *   prints its own line breaks), DEL, C1 controls (U+009B is CSI, which some
 *   terminals, VS Code's among them, run like ESC [);
 * - \p{Cf}: format characters (U+00AD soft hyphen, U+061C, U+200B-U+200F,
 *   U+202A-U+202E, U+2060-U+2064, U+2066-U+2069, U+FEFF, the tag characters
 *   U+E0000-U+E007F...);
 * - \p{Zl}, \p{Zp}: U+2028 and U+2029, line breaks to some readers;
 * - \p{Default_Ignorable_Code_Point}: what renders as nothing (U+180E,
 *   U+3164 Hangul filler, variation selectors...);
 * - \p{Bidi_Control}: the "Trojan Source" class (all of them are Cf as well).
 */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}\p{Bidi_Control}]/gu;
// The same class without the line feed, for safeLines: one pass over a whole text (a who-can --json
// answer runs to megabytes) rather than a split into lines and a pass over each. Built from a string:
// the v flag's class subtraction is newer than the TypeScript target, not than Node 20.
const UNSAFE_BUT_LINE_FEED = new RegExp(`[${UNSAFE.source}--[\\n]]`, 'gv');

const unit = (code: number) => `\\u${code.toString(16).padStart(4, '0')}`;
const escape = (c: string) => (c.length === 1 ? unit(c.charCodeAt(0)) : unit(c.charCodeAt(0)) + unit(c.charCodeAt(1)));

/** `s` with every control, invisible and bidi-control character shown as a visible `\uXXXX` escape. */
export function safeText(s: string): string {
  return s.replace(UNSAFE, escape);
}

/**
 * Text the tool assembled line by line (an error message listing several
 * files, a prompt, generated files): each line through {@link safeText}, the
 * line breaks kept. The boundary for whole messages; values inside them
 * should still pass through safeText where they are interpolated, so their
 * own line breaks show.
 */
export function safeLines(s: string): string {
  return s.replace(UNSAFE_BUT_LINE_FEED, escape);
}

/**
 * JSON.stringify(value, null, indent) with C1 controls, bidi controls and
 * invisible characters escaped too (JSON.stringify escapes only C0): still
 * valid JSON with the same values, since such characters can only be inside
 * strings, where `\uXXXX` means the character itself.
 */
export function jsonText(value: unknown, indent = 2): string {
  return safeLines(JSON.stringify(value, null, indent));
}
