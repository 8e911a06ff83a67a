// Standard output and error for the commands. Node builds process.stdout and
// process.stderr on first use, and for a pipe or socket that loads its whole
// stream and network stack (about 25 modules, some 5 ms of every run). When
// the descriptor is a pipe, a socket or a file, a command's output is written
// with fs.writeSync instead: what Node itself does for files, and what its
// pipe streams do on Linux, since both are synchronous there. A terminal, or
// /dev/null (a character device like a terminal), gets Node's own stream,
// which Ink needs.
//
// A descriptor another process made non-blocking answers EAGAIN when full:
// the rest of the output then goes through Node's stream, in order, as
// before. A closed pipe (`kms-wizard lint ... | head`) ends the run quietly
// with the exit code set so far (0 when none), as the EPIPE handler cli.ts
// had on Node's stream did. Any other failure to write standard output (a
// full disk, `> /dev/full`, an I/O error) ends the run with one line on
// standard error, "could not write: no space left on device", and exit 1.
import { EventEmitter } from 'node:events';
import { fstatSync, writeSync } from 'node:fs';

export type OutStream = NodeJS.WritableStream & { isTTY?: boolean; columns?: number };

/** The words for the errors a write to standard output can meet (strerror's, which Node does not expose). */
const WRITE_ERRORS: Readonly<Record<string, string>> = {
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EIO: 'input/output error',
  EFBIG: 'file too large',
  EBADF: 'standard output is not open for writing',
  EROFS: 'read-only file system',
};

/** The one line printed when standard output cannot be written: what failed, in words. */
export function writeFailureMessage(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return `kms-wizard: could not write: ${(code && WRITE_ERRORS[code]) ?? code ?? 'unknown error'}\n`;
}

/** Standard output failed: say so on standard error (if it can be written) and exit 1. */
export function exitOnWriteFailure(err: unknown): never {
  try {
    writeSync(2, writeFailureMessage(err));
  } catch {
    // standard error is gone too: the exit code still says it failed
  }
  process.exit(1);
}

/** `kms-wizard ... | head`: a closed pipe ends the output quietly, as in other CLIs; any other write error ends it with exit 1. */
export function exitOnClosedPipe(stream: NodeJS.WriteStream): NodeJS.WriteStream {
  if (stream.listenerCount('error') === 0) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      exitOnWriteFailure(err);
    });
  }
  return stream;
}

/** True when `fd` is a pipe, a socket or a regular file (not a terminal or another device). */
function writesDirectly(fd: number): boolean {
  try {
    const info = fstatSync(fd);
    return info.isFIFO() || info.isSocket() || info.isFile();
  } catch {
    return false;
  }
}

/** A writable for `fd` that writes synchronously; `node` is Node's own stream, made only if needed. */
export function directWriter(fd: 1 | 2, node: () => NodeJS.WriteStream, write: typeof writeSync = writeSync, fail: (err: unknown) => never = exitOnWriteFailure): OutStream {
  let fallback: NodeJS.WriteStream | undefined;
  let closed = false;
  const writer = Object.assign(new EventEmitter(), {
    isTTY: false,
    writable: true,
    write(chunk: string | Uint8Array, encoding?: BufferEncoding | ((err?: Error | null) => void), callback?: (err?: Error | null) => void): boolean {
      const done = typeof encoding === 'function' ? encoding : callback;
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8') : chunk;
      if (fallback) return fallback.write(bytes, done);
      if (closed) return false;
      let at = 0;
      try {
        while (at < bytes.length) at += write(fd, bytes, at, bytes.length - at);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN') {
          fallback = fd === 1 ? exitOnClosedPipe(node()) : node();
          return fallback.write(bytes.subarray(at), done);
        }
        // Standard output that cannot be written (a full disk): one line on standard error, exit 1.
        if (code !== 'EPIPE' && fd === 1) fail(err);
        // Standard output closed: stop quietly with the exit code so far. Standard error: drop the rest.
        if (fd === 1) process.exit(process.exitCode ?? 0);
        closed = true;
      }
      if (done) process.nextTick(done, null);
      return true;
    },
    end(): void {
      // The descriptor belongs to the process; there is nothing to flush.
    },
  });
  return writer as unknown as OutStream;
}

let stdout: OutStream | undefined;
let stderr: OutStream | undefined;

/** The process's standard output, made on first use (see the top of this file). */
export function standardOutput(): OutStream {
  stdout ??= writesDirectly(1) ? directWriter(1, () => process.stdout) : exitOnClosedPipe(process.stdout);
  return stdout;
}

/** The process's standard error, made on first use. */
export function standardError(): OutStream {
  stderr ??= writesDirectly(2) ? directWriter(2, () => process.stderr) : process.stderr;
  return stderr;
}
