import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The learner's editor command: $VISUAL, else $EDITOR; undefined when the learner chose neither.
 * Under npm (`npx kms-wizard`, `npm run`), npm exports its `editor` config as $EDITOR, and that
 * config defaults to "vi" on Unix and "%SYSTEMROOT%\notepad.exe" on Windows when the user set
 * neither variable (npm docs, config: "editor"; @npmcli/config set-envs.js sets EDITOR from it).
 * That default is npm's choice, not the learner's, so it leaves the built-in editor in charge.
 */
export function editorCommand(env: NodeJS.ProcessEnv): string | undefined {
  const visual = (env.VISUAL ?? '').trim();
  if (visual !== '') return visual;
  const editor = (env.EDITOR ?? '').trim();
  if (editor === '' || isNpmDefaultEditor(editor, env)) return undefined;
  return editor;
}

/** True when $EDITOR is npm's built-in default and this process runs under npm. */
function isNpmDefaultEditor(editor: string, env: NodeJS.ProcessEnv): boolean {
  const underNpm = env.npm_command !== undefined || env.npm_execpath !== undefined;
  return underNpm && (editor === 'vi' || /(^|[\\/])notepad\.exe$/i.test(editor));
}

/** Splits `code --wait` or `"/opt/My Editor/bin/ed" -n` into a program and its arguments. */
export function splitCommand(command: string): string[] {
  const parts: string[] = [];
  for (const m of command.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) parts.push(m[1] ?? m[2] ?? m[3]!);
  return parts;
}

export type EditorOutcome =
  | { readonly kind: 'edited'; readonly text: string }
  /** The editor could not be started at all. */
  | { readonly kind: 'failed'; readonly message: string }
  /** It ran but exited with an error (e.g. vim's :cq): the learner gave up this edit. */
  | { readonly kind: 'cancelled'; readonly message: string };

/**
 * Writes `text` to a temp file, opens it in the editor on the terminal, and
 * reads it back when the editor exits. Blocks until then: the TUI is paused.
 */
export function editInExternalEditor(command: string, text: string, fileName: string): EditorOutcome {
  const dir = mkdtempSync(join(tmpdir(), 'kms-wizard-'));
  const file = join(dir, fileName);
  try {
    writeFileSync(file, text);
    const [program, ...args] = splitCommand(command);
    // Windows editors are often .cmd shims that only start through a shell.
    const result = spawnSync(program!, [...args, file], { stdio: 'inherit', shell: process.platform === 'win32' });
    if (result.error) {
      const code = (result.error as NodeJS.ErrnoException).code;
      return { kind: 'failed', message: `Could not start the editor "${command}" ($VISUAL/$EDITOR)${code === 'ENOENT' ? ': command not found' : `: ${result.error.message}`}.` };
    }
    if (result.status !== 0) {
      return { kind: 'cancelled', message: `The editor exited with ${result.signal ? `signal ${result.signal}` : `status ${result.status}`}; the edit was not checked.` };
    }
    return { kind: 'edited', text: readFileSync(file, 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
