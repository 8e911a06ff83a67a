import { useEffect, useRef, type Dispatch } from 'react';
import type { OutputFile } from '../output/formats/types.js';
import type { CopyResult } from '../output/clipboard.js';
import type { WizardAction, WizardState } from './state.js';

/** The wizard's contact with the world, injectable so tests can watch it. */
export interface WizardServices {
  /** The text of a file the user named (the current key policy); rejects with a message naming it. */
  readText(file: string): Promise<string>;
  /** The files in the way in `dir`, as the user should read them (relative paths). */
  planWrites(dir: string, files: readonly OutputFile[]): Promise<string[]>;
  /** Writes all files or none; returns the written paths as the user should read them. */
  writeFiles(dir: string, files: readonly OutputFile[], force: boolean): Promise<string[]>;
  copy(text: string): Promise<CopyResult>;
}

/** Runs the effect the reducer asked for, once, and reports its result as an action. */
export function useWizardEffects(state: WizardState, dispatch: Dispatch<WizardAction>, services: WizardServices, files: () => readonly OutputFile[], text: () => string): void {
  const running = useRef<WizardState['busy']>(undefined);
  const effect = state.busy;
  useEffect(() => {
    if (!effect || running.current === effect) return;
    running.current = effect;
    const report = (a: WizardAction) => {
      running.current = undefined;
      dispatch(a);
    };
    const message = (err: unknown) => {
      const e = err as NodeJS.ErrnoException;
      return e?.message ?? String(err);
    };
    switch (effect.kind) {
      case 'read':
        services.readText(effect.file).then(
          (text) => report({ type: 'read', file: effect.file, text }),
          (err: unknown) => report({ type: 'read-failed', message: message(err) }),
        );
        break;
      case 'plan':
        services.planWrites(effect.dir, files()).then(
          (existing) => report({ type: 'planned', existing }),
          (err: unknown) => report({ type: 'write-failed', message: `cannot use ${effect.dir}: ${message(err)}` }),
        );
        break;
      case 'write':
        services.writeFiles(effect.dir, files(), effect.force).then(
          (paths) => report({ type: 'written', paths }),
          (err: unknown) => report({ type: 'write-failed', message: `nothing written: ${message(err)}` }),
        );
        break;
      case 'copy':
        services.copy(text()).then(
          (r) => report(r.ok ? { type: 'copied', how: r.how } : { type: 'copy-failed', reason: r.reason }),
          (err: unknown) => report({ type: 'copy-failed', reason: message(err) }),
        );
        break;
    }
  }, [effect, dispatch, services, files, text]);
}
