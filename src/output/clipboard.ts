/**
 * Copying the policies to the clipboard, in the order most likely to reach
 * the user's own clipboard: over SSH or in WSL the OSC 52 escape (the local
 * terminal sets its clipboard; a clipboard tool would run on the remote box),
 * otherwise clipboardy (pbcopy, clip, xsel, wl-copy). A failure is never
 * fatal: the caller prints the policies instead, with the reason.
 */

/** How a copy went: how it was done, or why it could not be. */
export type CopyResult = { readonly ok: true; readonly how: string } | { readonly ok: false; readonly reason: string };

export interface ClipboardDeps {
  readonly env: NodeJS.ProcessEnv;
  /** Writes raw bytes to the user's terminal (for OSC 52). */
  readonly writeTerminal: (data: string) => void;
  /** Loads clipboardy (injectable for tests); default: the real module. */
  readonly loadClipboardy?: () => Promise<{ write(text: string): Promise<void> }>;
  /** How long clipboardy may take before we give up, in ms. */
  readonly timeoutMs?: number;
}

/** Running over SSH or inside WSL: a clipboard tool would not reach the user's desktop. */
export function isRemoteSession(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.SSH_TTY || env.SSH_CONNECTION || env.SSH_CLIENT || env.WSL_DISTRO_NAME || env.WSL_INTEROP);
}

/** The OSC 52 escape that asks the terminal to put `text` on its clipboard. */
export function osc52(text: string): string {
  return `\u001B]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`;
}

export async function copyToClipboard(text: string, deps: ClipboardDeps): Promise<CopyResult> {
  if (isRemoteSession(deps.env)) {
    deps.writeTerminal(osc52(text));
    return { ok: true, how: 'through your terminal (OSC 52 escape; if your terminal does not allow it, nothing was copied: run again and choose Print)' };
  }
  try {
    const clipboard = await (deps.loadClipboardy ?? loadClipboardy)();
    await withTimeout(clipboard.write(text), deps.timeoutMs ?? 5000);
    return { ok: true, how: 'of this machine' };
  } catch (err) {
    return { ok: false, reason: clipboardFailure(err) };
  }
}

async function loadClipboardy() {
  return (await import('clipboardy')).default;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`the clipboard tool did not answer within ${ms / 1000} s`)), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(t);
        reject(e);
      },
    );
  });
}

type ToolError = { stderr?: unknown; shortMessage?: unknown; message?: unknown };

/**
 * The real reason a copy failed. clipboardy's own message can mislead (it
 * blamed a missing xsel binary when xsel ran but had no display); the output
 * of the tools it tried, in `fallbackError` / `xselError`, says what happened.
 */
export function clipboardFailure(err: unknown): string {
  const e = (err ?? {}) as ToolError & { fallbackError?: ToolError; xselError?: ToolError };
  const firstLine = (x: unknown) => (typeof x === 'string' ? x.split('\n').map((l) => l.trim()).find(Boolean) : undefined);
  const detail = firstLine(e.fallbackError?.stderr) ?? firstLine(e.xselError?.stderr) ?? firstLine(e.fallbackError?.shortMessage);
  const message = typeof e.message === 'string' && e.message ? firstLine(e.message)! : String(err);
  if (!detail) return message;
  if (/couldn't find the `?xsel`? binary/i.test(message)) return detail;
  return `${message} (${detail})`;
}
