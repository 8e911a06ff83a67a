/** Key sequences as a terminal sends them: for pty tests and ink-testing-library alike. */
export const KEYS = {
  enter: '\r',
  esc: '\u001B',
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  space: ' ',
  backspace: '\u007F',
  tab: '\t',
  ctrlC: '\u0003',
  ctrlS: '\u0013',
  ctrlU: '\u0015',
} as const;
