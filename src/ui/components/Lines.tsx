import { Box, Text } from 'ink';
import { safeText } from '../../core/terminal-safe.js';
import type { Color, Line, Segment } from '../../terminal/lines.js';

const FG: Record<Color, number> = { red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36, gray: 90 };

/** One segment as ANSI-styled text (plain when colour is off). */
function styled(s: Segment): string {
  const codes: number[] = [];
  if (s.bold) codes.push(1);
  if (s.dim) codes.push(2);
  if (s.inverse) codes.push(7);
  if (s.color) codes.push(FG[s.color]);
  return codes.length ? `\u001B[${codes.join(';')}m${safeText(s.text)}\u001B[0m` : safeText(s.text);
}

/**
 * Paints pre-wrapped lines, one Ink <Text> per line with the styling done
 * here: a frame is a few dozen nodes instead of hundreds of nested ones,
 * which keeps a keypress-to-frame well under a display refresh. Every
 * segment passes through safeText: screens show typed and pasted answers,
 * flag values and findings about them, and only our own styling may reach
 * the terminal as an escape sequence.
 */
export function Lines({ lines, color }: { lines: readonly Line[]; color: boolean }) {
  return (
    <Box flexDirection="column">
      {lines.map((l, i) => (
        <Text key={i} wrap="truncate">
          {l.length === 0 ? ' ' : l.map((s) => (color ? styled(s) : safeText(s.text))).join('')}
        </Text>
      ))}
    </Box>
  );
}
