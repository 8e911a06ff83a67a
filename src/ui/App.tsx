import { renderToString, Text, useApp, useInput, type Key } from 'ink';
import { useCallback, useEffect, useReducer } from 'react';
import { filesAsText } from '../output/files-text.js';
import { FORMATS } from '../output/formats/index.js';
import type { OutputFile } from '../output/formats/types.js';
import { loadAnalysis } from './analysis-loader.js';
import { build } from './answers.js';
import { Lines } from './components/Lines.js';
import { renderFrame, TITLE } from './frame.js';
import { decodeKeys } from '../terminal/keys.js';
import { line, seg, type Line } from '../terminal/lines.js';
import { initialState, reducer, type WizardInit } from './reducer.js';
import type { WizardState } from './state.js';
import { useTerminalSize } from './use-terminal-size.js';
import { useWizardEffects, type WizardServices } from './use-wizard-effects.js';

/** The non-ASCII characters the wizard draws (marks, arrows, rules). */
const WARM_UP_GLYPHS = '✔✘›·…│─↑↓←→↺';

export interface AppProps {
  readonly init: WizardInit;
  readonly services: WizardServices;
  /** Whether colour is on (off with NO_COLOR): markers then carry what colour would. */
  readonly color: boolean;
  /** Called once, with the final state, when the wizard closes (done or cancelled). */
  readonly onExit: (state: WizardState) => void;
  /** Lets the caller cancel from outside (a SIGINT, SIGTERM); returns an unsubscribe. */
  readonly subscribeCancel?: (cancel: () => void) => () => void;
}

/** The files the answers give in the chosen format (empty while the answers are invalid). */
export function outputFiles(s: WizardState): OutputFile[] {
  const result = build(s.answers);
  const render = FORMATS[s.output.format];
  return result && render ? render(result) : [];
}

export function App({ init, services, color, onExit, subscribeCancel }: AppProps) {
  const [state, dispatch] = useReducer(reducer, init, initialState);
  const { exit } = useApp();

  // One stable handler for the whole app: keys go to the reducer, which always holds the newest state.
  const onInput = useCallback((input: string, key: Key) => {
    const events = decodeKeys(input, key);
    if (events.length > 0) dispatch({ type: 'keys', events });
  }, []);
  useInput(onInput);

  const onResize = useCallback((columns: number, rows: number) => dispatch({ type: 'resize', columns, rows }), []);
  useTerminalSize(onResize);

  useEffect(() => subscribeCancel?.(() => dispatch({ type: 'cancel' })), [subscribeCancel]);

  // After the first frame: open the why panel on wide terminals, load the
  // review's checkers, and let string-width compile its Unicode tables (the
  // first frame is plain ASCII so it needed none) before the first keypress.
  useEffect(() => {
    let live = true;
    dispatch({ type: 'mounted' });
    const warm = setImmediate(() => renderToString(<Text>{WARM_UP_GLYPHS}</Text>));
    void loadAnalysis().then(() => {
      if (live) dispatch({ type: 'analysis-loaded' });
    });
    return () => {
      live = false;
      clearImmediate(warm);
    };
  }, []);

  const stateFiles = useCallback(() => outputFiles(state), [state]);
  const stateText = useCallback(() => filesAsText(outputFiles(state)), [state]);
  useWizardEffects(state, dispatch, services, stateFiles, stateText);

  useEffect(() => {
    if (state.exit === undefined) return;
    onExit(state);
    exit();
  }, [state.exit]); // once, when the wizard closes (onExit and exit do not change while it runs)

  return <Lines lines={state.exit === undefined ? renderFrame(state, color) : closingLines(state)} color={color} />;
}

/** The frame left on screen after the wizard closes; details follow as plain text. */
function closingLines(s: WizardState): Line[] {
  if (s.exit === 130) {
    const written = s.finished?.kind === 'written';
    return [line(seg(TITLE, { bold: true, color: 'magenta' }), seg(written ? ': cancelled after the files were written.' : ': cancelled, nothing was written.', { color: 'yellow' }))];
  }
  return [line(seg(TITLE, { bold: true, color: 'magenta' }), seg(': done.', { color: 'green' }))];
}
