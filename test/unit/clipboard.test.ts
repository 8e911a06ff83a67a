import { describe, expect, test } from 'vitest';
import { clipboardFailure, copyToClipboard, isRemoteSession, osc52 } from '../../src/output/clipboard.js';

describe('copyToClipboard', () => {
  test.each([
    [{ SSH_TTY: '/dev/pts/1' }],
    [{ SSH_CONNECTION: '1.2.3.4 5 6.7.8.9 22' }],
    [{ WSL_DISTRO_NAME: 'Ubuntu' }],
  ])('remote session %o: OSC 52 to the terminal, clipboardy not tried', async (env) => {
    const written: string[] = [];
    let loaded = false;
    const r = await copyToClipboard('héllo', {
      env,
      writeTerminal: (d) => written.push(d),
      loadClipboardy: async () => {
        loaded = true;
        return { write: async () => undefined };
      },
    });
    expect(r.ok).toBe(true);
    expect(loaded).toBe(false);
    expect(written).toEqual([`\u001B]52;c;${Buffer.from('héllo').toString('base64')}\u0007`]);
  });

  test('local: clipboardy gets the text', async () => {
    const got: string[] = [];
    const r = await copyToClipboard('abc', { env: {}, writeTerminal: () => undefined, loadClipboardy: async () => ({ write: async (t) => void got.push(t) }) });
    expect(r).toEqual({ ok: true, how: 'of this machine' });
    expect(got).toEqual(['abc']);
  });

  test('a failing clipboard is reported, never thrown', async () => {
    const err = Object.assign(new Error("Couldn't find the `xsel` binary and fallback didn't work."), {
      fallbackError: { stderr: "/x/fallbacks/linux/xsel: Can't open display: (null)\n: Inappropriate ioctl for device" },
    });
    const r = await copyToClipboard('abc', { env: {}, writeTerminal: () => undefined, loadClipboardy: async () => ({ write: async () => Promise.reject(err) }) });
    expect(r).toEqual({ ok: false, reason: "/x/fallbacks/linux/xsel: Can't open display: (null)" });
  });

  test('a clipboard tool that hangs times out', async () => {
    const r = await copyToClipboard('abc', { env: {}, writeTerminal: () => undefined, timeoutMs: 20, loadClipboardy: async () => ({ write: () => new Promise<void>(() => undefined) }) });
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.reason).toContain('did not answer');
  });

  test('clipboardy cannot be loaded: reported', async () => {
    const r = await copyToClipboard('abc', { env: {}, writeTerminal: () => undefined, loadClipboardy: () => Promise.reject(new Error('Cannot find package clipboardy')) });
    expect(r).toEqual({ ok: false, reason: 'Cannot find package clipboardy' });
  });
});

describe('clipboardFailure', () => {
  test('keeps an accurate message and adds the tool output', () => {
    const err = Object.assign(new Error('Clipboard access requires a display server (X11 or Wayland).'), { xselError: { stderr: "xsel: Can't open display: (null)" } });
    expect(clipboardFailure(err)).toBe("Clipboard access requires a display server (X11 or Wayland). (xsel: Can't open display: (null))");
  });
  test('a plain error gives its message; a non-error its text', () => {
    expect(clipboardFailure(new Error('boom'))).toBe('boom');
    expect(clipboardFailure('weird')).toBe('weird');
  });
});

test('isRemoteSession and osc52', () => {
  expect(isRemoteSession({})).toBe(false);
  expect(isRemoteSession({ SSH_CLIENT: 'x' })).toBe(true);
  expect(osc52('')).toBe('\u001B]52;c;\u0007');
});
