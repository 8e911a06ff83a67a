/**
 * What stays in the terminal after the wizard closes, as plain text (the
 * full-screen frames are gone): what was done, the files when printed, and
 * the next steps, in the words `generate` uses.
 */
import type { Style } from '../cli/style.js';
import { safeText } from '../core/terminal-safe.js';
import { filesAsText } from '../output/files-text.js';
import type { OutputFile } from '../output/formats/types.js';
import { formatNextSteps } from '../output/summary.js';
import { build } from './answers.js';
import { nextStepsFor } from './next-steps-for.js';
import type { WizardState } from './state.js';

export interface Transcript {
  /** For stdout: the report, and the policies when printed. */
  readonly stdout: string;
  /** For stderr: why the clipboard could not be used, if it could not. */
  readonly stderr: string;
}

export function transcript(s: WizardState, files: readonly OutputFile[], style: Style): Transcript {
  const result = build(s.answers);
  const f = s.finished;
  if (!result || !f || s.exit !== 0) return { stdout: '', stderr: '' };
  const dir = f.kind === 'written' ? f.dir : '.';
  const steps = formatNextSteps(nextStepsFor(s.output.format, result, dir, s.answers, f.kind === 'written'), style);
  switch (f.kind) {
    case 'written':
      return {
        stdout: `${style.bold(`Wrote into ${safeText(f.dir)}:`)}\n${files.map((x) => `  ${style.green(x.name.padEnd(28))}${x.description}`).join('\n')}\n\n${steps}\n`,
        stderr: '',
      };
    case 'copied':
      return { stdout: `${style.bold(`Copied ${files.map((x) => x.name).join(' and ')} to the clipboard ${f.how}.`)}\nSave ${files.length === 1 ? 'it' : 'each'} under ${files.length === 1 ? 'that name' : 'its name'} for the commands below.\n\n${steps}\n`, stderr: '' };
    case 'printed':
      return {
        stdout: `${filesAsText(files)}\n${steps}\n`,
        stderr: f.reason ? `${style.yellow(`Could not copy to the clipboard: ${safeText(f.reason)}`)}\nThe policies are printed instead.\n` : '',
      };
  }
}
