/**
 * Drives the wizard's Ink App in memory (ink-testing-library): keys go in as
 * a terminal sends them, frames come out as text. Files are really written
 * (into a temp directory); the clipboard is a recorder unless a test swaps it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import type { PolicySpec } from '../../src/core/spec.js';
import type { CopyResult } from '../../src/output/clipboard.js';
import { loadAnalysis } from '../../src/ui/analysis-loader.js';
import { App } from '../../src/ui/App.js';
import type { CurrentPolicyFile } from '../../src/ui/answer-types.js';
import type { OutputPreset, WizardExports, WizardState } from '../../src/ui/state.js';
import { realServices } from '../../src/ui/run.js';
import type { WizardServices } from '../../src/ui/use-wizard-effects.js';
import { KEYS } from '../helpers/keys.js';

export const KEY_ARN = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

export const K = KEYS;

/** Lets Ink handle input and render (as ENGINEERING.md says: setImmediate, then a timer tick). */
export const tick = () => new Promise<void>((r) => setImmediate(() => setTimeout(r, 0)));

export interface Harness {
  readonly cwd: string;
  frame(): string;
  /** Sends each argument as its own chunk, letting the app render between them. */
  press(...keys: string[]): Promise<void>;
  /** Sends one chunk (a paste, or a burst of keys typed faster than a render). */
  burst(data: string): Promise<void>;
  /** Waits until the frame contains `text` (or matches); fails with the frame. */
  waitFor(what: string | RegExp, timeoutMs?: number): Promise<void>;
  /** The state the wizard closed with, once it has. */
  exited(): WizardState | undefined;
  /** Waits for the wizard to close and returns its exit code. */
  waitForExit(timeoutMs?: number): Promise<number>;
  readonly copies: string[];
  readonly writes: { dir: string; force: boolean }[];
  unmount(): void;
}

export interface HarnessOptions {
  answers?: Partial<PolicySpec>;
  /** `--from FILE`, as the wizard command reads it. */
  current?: CurrentPolicyFile;
  /** `--account-details`, `--grants`, ...: as the wizard command reads them. */
  exports?: WizardExports;
  output?: Partial<OutputPreset>;
  columns?: number;
  rows?: number;
  cwd?: string;
  copy?: (text: string) => Promise<CopyResult>;
}

export async function startWizard(opts: HarnessOptions = {}): Promise<Harness> {
  const cwd = opts.cwd ?? mkdtempSync(join(tmpdir(), 'kms-wizard-ui-'));
  const real = realServices({ cwd, env: {}, stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });
  const copies: string[] = [];
  const writes: { dir: string; force: boolean }[] = [];
  const services: WizardServices = {
    readText: real.readText,
    planWrites: real.planWrites,
    writeFiles: (dir, files, force) => {
      writes.push({ dir, force });
      return real.writeFiles(dir, files, force);
    },
    copy: async (text) => {
      copies.push(text);
      return opts.copy ? opts.copy(text) : { ok: true, how: 'of the test' };
    },
  };
  // The review's checkers load after the first frame; have them ready so review assertions need no waiting.
  await loadAnalysis();
  let final: WizardState | undefined;
  const app = render(
    <App
      init={{ answers: opts.answers ?? {}, ...(opts.current ? { current: opts.current } : {}), ...(opts.exports ? { exports: opts.exports } : {}), output: { format: 'json', force: false, ...opts.output }, size: { columns: opts.columns ?? 100, rows: opts.rows ?? 30 } }}
      services={services}
      color={false}
      onExit={(s) => (final = s)}
    />,
  );
  await tick();
  // The last frame with content: under CI=true, Ink's unmount writes a blank
  // line after the closing frame when rendering in debug mode (as
  // ink-testing-library does), which would hide what the user last saw.
  const frame = () => [...app.frames].reverse().find((f) => f.trim() !== '') ?? '';
  return {
    cwd,
    frame,
    async press(...keys) {
      for (const k of keys) {
        app.stdin.write(k);
        await tick();
        // Ink holds a lone Esc until a setImmediate after the read (it may
        // start an escape sequence); give it that turn before the next key.
        if (k === K.esc) await tick();
      }
    },
    async burst(data) {
      app.stdin.write(data);
      await tick();
    },
    async waitFor(what, timeoutMs = 3000) {
      const end = Date.now() + timeoutMs;
      const ok = () => (typeof what === 'string' ? frame().includes(what) : what.test(frame()));
      while (!ok()) {
        if (Date.now() > end) throw new Error(`timed out waiting for ${String(what)}; the frame is:\n${frame()}`);
        await tick();
      }
    },
    exited: () => final,
    async waitForExit(timeoutMs = 3000) {
      const end = Date.now() + timeoutMs;
      while (!final) {
        if (Date.now() > end) throw new Error(`the wizard did not close; the frame is:\n${frame()}`);
        await tick();
      }
      return final.exit!;
    },
    copies,
    writes,
    unmount: () => app.unmount(),
  };
}
