import { Box, Text, useApp, useInput, useStdin, useStdout } from 'ink';
import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import { safeText } from '../../core/terminal-safe.js';
import type { Progress } from '../progress.js';
import type { Line, Tone } from '../styled-text.js';
import type { EditorOutcome } from './external-editor.js';
import { fromInk } from './keys.js';
import type { RunnerDeps, RunnerState } from './model.js';
import { screenOf, viewport } from './screen.js';
import { createReducer } from './state.js';

export interface LearnAppProps {
  readonly deps: RunnerDeps;
  readonly initial: RunnerState;
  /** Persists progress; returns an error message when it could not. */
  readonly save: (progress: Progress) => string | undefined;
  /** Runs the external editor (blocking) on a request from the state. */
  readonly openEditor: (text: string, fileName: string) => EditorOutcome;
  /** Told how the session ended, just before Ink exits. */
  readonly onExit: (how: 'quit' | 'cancel') => void;
  /** No colours or styles (NO_COLOR): the editor's caret is drawn as a character instead of inverse video. */
  readonly plain?: boolean;
}

/** Ink draws the state machine; every side effect (saving, the editor, exiting) follows a state change. */
export function LearnApp({ deps, initial, save, openEditor, onExit, plain = false }: LearnAppProps) {
  const reducer = useMemo(() => createReducer(deps), [deps]);
  const [state, dispatch] = useReducer(reducer, initial);
  const { exit } = useApp();
  const { stdout } = useStdout();
  const { setRawMode, isRawModeSupported } = useStdin();

  // A stable handler that only dispatches: no closure state, so bursts of keys all land.
  const onInput = useCallback((input: string, key: Parameters<typeof fromInk>[1]) => {
    for (const k of fromInk(input, key)) dispatch({ type: 'key', key: k });
  }, []);
  useInput(onInput);

  useEffect(() => {
    const onResize = () => dispatch({ type: 'resize', cols: stdout.columns ?? 80, rows: stdout.rows ?? 24 });
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);

  const savedProgress = useRef(initial.progress);
  useEffect(() => {
    if (state.progress === savedProgress.current) return;
    savedProgress.current = state.progress;
    const error = save(state.progress);
    if (error) dispatch({ type: 'notice', text: error });
  }, [state.progress, save]);

  useEffect(() => {
    const request = state.editorRequest;
    if (!request) return;
    // The editor owns the terminal while it runs.
    if (isRawModeSupported) setRawMode(false);
    const outcome = openEditor(request.text, request.fileName);
    if (isRawModeSupported) setRawMode(true);
    if (outcome.kind === 'edited') dispatch({ type: 'edited', text: outcome.text });
    else if (outcome.kind === 'failed') dispatch({ type: 'editor-failed', message: outcome.message });
    else dispatch({ type: 'editor-cancelled', message: outcome.message });
  }, [state.editorRequest, openEditor, isRawModeSupported, setRawMode]);

  useEffect(() => {
    if (!state.exit) return;
    onExit(state.exit);
    exit();
  }, [state.exit, onExit, exit]);

  const screen = useMemo(() => screenOf(state, deps), [state, deps]);
  const { contextHeight, pinnedHeight } = viewport(screen, state.rows);
  const context = screen.context.slice(state.scroll, state.scroll + contextHeight);
  const below = screen.context.length - state.scroll - contextHeight;
  const pinned: readonly Line[] =
    screen.pinned.length > pinnedHeight
      ? [...screen.pinned.slice(0, pinnedHeight - 1), [{ text: '… (make the terminal taller to see the rest)', tone: 'dim' }]]
      : screen.pinned;
  // Which way there is more to scroll, at the start of the keys line.
  const more = state.scroll > 0 && below > 0 ? 'PgUp/Dn ↕ · ' : state.scroll > 0 ? 'PgUp ↑ · ' : below > 0 ? 'PgDn ↓ · ' : '';
  const footer: readonly Line[] = screen.footer.map((l, i) => (i === screen.footer.length - 1 && more ? [{ text: more, tone: 'accent' }, ...l] : l));

  return (
    <Box flexDirection="column">
      {screen.header.map((l, i) => (
        <StyledLine key={`h${i}`} line={l} plain={plain} />
      ))}
      {context.map((l, i) => (
        <StyledLine key={`c${state.scroll + i}`} line={l} plain={plain} />
      ))}
      {pinned.map((l, i) => (
        <StyledLine key={`p${i}`} line={l} plain={plain} />
      ))}
      {footer.map((l, i) => (
        <StyledLine key={`f${i}`} line={l} plain={plain} />
      ))}
    </Box>
  );
}

const TONES: Record<Tone, { color?: string; bold?: boolean; dimColor?: boolean; inverse?: boolean }> = {
  plain: {},
  heading: { bold: true, color: 'cyan' },
  bold: { bold: true },
  code: { color: 'yellow' },
  dim: { dimColor: true },
  ok: { color: 'green' },
  bad: { color: 'red' },
  accent: { color: 'cyan' },
  hint: { color: 'magenta' },
  cursor: { bold: true, color: 'cyan' },
  caret: { inverse: true },
};

// Lines show the learner's answer (typed, pasted or from an editor file) and
// findings quoting it: every segment passes through safeText.
function StyledLine({ line, plain }: { line: Line; plain: boolean }) {
  // An empty Text collapses to nothing; a fixed-height Box keeps the blank line.
  if (line.length === 0) return <Box height={1} />;
  return (
    <Text wrap="truncate-end">
      {line.map((s, i) => (
        <Text key={i} {...TONES[s.tone]}>
          {plain && s.tone === 'caret' ? `▏${safeText(s.text)}` : safeText(s.text)}
        </Text>
      ))}
    </Text>
  );
}
