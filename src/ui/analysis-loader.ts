/**
 * The review's checkers (linter, simulator, explainer) are most of the
 * wizard's own code and are needed only at the review: they load right after
 * the first frame, so the wizard starts as fast as a bare Ink app.
 */
type Analysis = typeof import('./review-analysis.js');

let loaded: Analysis | undefined;
let failure: string | undefined;
let loading: Promise<void> | undefined;

/** Starts loading (once); resolves when the checkers are ready or could not be loaded (never rejects). */
export function loadAnalysis(): Promise<void> {
  loading ??= import('./review-analysis.js').then(
    (m) => {
      loaded = m;
    },
    (err: unknown) => {
      failure = (err as Error)?.message ?? String(err);
    },
  );
  return loading;
}

/** The checkers, or undefined while they are still loading. */
export const analysis = (): Analysis | undefined => loaded;

/** Why the checkers could not be loaded (a damaged install), if they could not. */
export const analysisFailure = (): string | undefined => failure;
