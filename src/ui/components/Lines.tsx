import { Box, Text } from 'ink';
import type { Line } from '../lines.js';

/** Paints pre-wrapped lines; each line is one row (nothing is wrapped again). */
export function Lines({ lines }: { lines: readonly Line[] }) {
  return (
    <Box flexDirection="column">
      {lines.map((l, i) => (
        <Text key={i} wrap="truncate">
          {l.length === 0
            ? ' '
            : l.map((s, j) => (
                <Text key={j} {...(s.color ? { color: s.color } : {})} bold={Boolean(s.bold)} dimColor={Boolean(s.dim)} inverse={Boolean(s.inverse)}>
                  {s.text}
                </Text>
              ))}
        </Text>
      ))}
    </Box>
  );
}
