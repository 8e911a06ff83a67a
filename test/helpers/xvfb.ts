/**
 * A private X display (Xvfb) for tests that need a real clipboard (Linux
 * only). In CI (CI=true) on Linux a missing Xvfb or xsel is an error, never
 * a silent skip; elsewhere the test is skipped and its name says why.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';

export interface Display {
  /** The DISPLAY value, e.g. ":93". */
  readonly display: string;
  stop(): Promise<void>;
}

/**
 * Why the X clipboard test cannot run here, or undefined when it can: it is
 * Linux only (macOS and Windows have no X clipboard for clipboardy to use),
 * and needs Xvfb and xsel.
 */
export function missingClipboardTools(platform: NodeJS.Platform = process.platform): string | undefined {
  if (platform !== 'linux') return `Linux only: the X clipboard runs under Xvfb, and this is ${platform}`;
  const missing = ['Xvfb', 'xsel'].filter((cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status !== 0);
  return missing.length ? `${missing.join(' and ')} not installed (run scripts/install-system-deps.sh)` : undefined;
}

/** In CI on Linux the X clipboard test must run: a missing tool is a failure there, not a skip. */
export function clipboardTestRequired(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): boolean {
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== '0' && env.CI !== 'false';
  return ci && platform === 'linux';
}

/** Starts Xvfb on a free display (Xvfb picks it and reports it on fd 3). */
export function startXvfb(): Promise<Display> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '640x480x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let out = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`Xvfb did not report a display within 10 s: ${stderr}`));
    }, 10_000);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (d: Buffer) => {
      out += d.toString();
      const n = /^(\d+)\n/.exec(out)?.[1];
      if (!n) return;
      clearTimeout(timer);
      resolve({
        display: `:${n}`,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

/** Reads the CLIPBOARD selection of a display with xsel. */
export function readClipboard(display: string): string {
  const r = spawnSync('xsel', ['--clipboard', '--output'], { env: { ...process.env, DISPLAY: display }, encoding: 'utf8', timeout: 5000 });
  if (r.status !== 0) throw new Error(`xsel --clipboard --output failed: ${r.stderr}`);
  return r.stdout;
}
