/**
 * Starts the full-screen wizard on a terminal and resolves with its final
 * state. Only this module (loaded by the wizard command through a dynamic
 * import) pulls in Ink and React.
 */
import { render } from 'ink';
import { relative, resolve } from 'node:path';
import type { CommandIo } from '../cli/io.js';
import { copyToClipboard } from '../output/clipboard.js';
import { readTextFile } from '../output/read-text-file.js';
import { planWrites, writeFilesAtomically } from '../output/write-files.js';
import { App, outputFiles } from './App.js';
import type { WizardInit } from './reducer.js';
import type { WizardState } from './state.js';
import type { WizardServices } from './use-wizard-effects.js';

/** The real file system and clipboard, with paths shown relative to `cwd`. */
export function realServices(io: CommandIo): WizardServices {
  const shown = (p: string) => relative(io.cwd, p) || '.';
  return {
    readText: (file) => readTextFile(file, io.cwd),
    planWrites: async (dir, files) => (await planWrites(resolve(io.cwd, dir), files)).filter((p) => p.exists).map((p) => shown(p.path)),
    writeFiles: async (dir, files, force) => (await writeFilesAtomically(resolve(io.cwd, dir), files, { force })).map(shown),
    copy: (text) => copyToClipboard(text, { env: io.env, writeTerminal: (data) => io.stdout.write(data) }),
  };
}

export interface RunResult {
  readonly state: WizardState;
  /** The files of the chosen format, for the transcript. */
  readonly files: ReturnType<typeof outputFiles>;
}

// The transcript comes from here too: one chunk boundary fewer on the way to the first frame.
export { transcript } from './transcript.js';

export async function runWizardTui(init: WizardInit, io: CommandIo, color: boolean): Promise<RunResult> {
  let final: WizardState | undefined;
  const subscribeCancel = (cancel: () => void) => {
    const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    for (const sig of signals) process.on(sig, cancel);
    return () => {
      for (const sig of signals) process.off(sig, cancel);
    };
  };
  const instance = render(
    <App init={init} services={realServices(io)} color={color} onExit={(s) => (final = s)} subscribeCancel={subscribeCancel} />,
    {
      stdout: io.stdout as NodeJS.WriteStream,
      stdin: io.stdin as NodeJS.ReadStream,
      stderr: io.stderr as NodeJS.WriteStream,
      exitOnCtrlC: false,
      patchConsole: false,
      maxFps: 60,
    },
  );
  await instance.waitUntilExit();
  if (!final) throw new Error('the wizard closed without a final state');
  return { state: final, files: outputFiles(final) };
}
