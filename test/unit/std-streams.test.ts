import { describe, expect, test } from 'vitest';
import { directWriter, writeFailureMessage } from '../../src/cli/std-streams.js';

const errno = (code: string) => Object.assign(new Error(code), { code });

/** A stand-in for Node's own stream: what reaches it, in order. */
function nodeStream() {
  const got: string[] = [];
  let made = 0;
  const stream = { write: (b: Uint8Array | string) => (got.push(Buffer.from(b).toString()), true), listenerCount: () => 1, on: () => stream } as unknown as NodeJS.WriteStream;
  return { got, made: () => made, make: () => (made++, stream) };
}

describe('directWriter: output to a pipe or file, written synchronously', () => {
  test('short writes are continued until every byte is out; the callback runs after', async () => {
    const out: Buffer[] = [];
    const node = nodeStream();
    const w = directWriter(1, node.make, ((_fd: number, b: Uint8Array, at: number, len: number) => {
      const n = Math.min(3, len);
      out.push(Buffer.from(b.subarray(at, at + n)));
      return n;
    }) as never);
    let called = false;
    expect(w.write('héllo, wörld\n', () => (called = true))).toBe(true);
    expect(Buffer.concat(out).toString()).toBe('héllo, wörld\n');
    await new Promise((r) => setImmediate(r));
    expect(called).toBe(true);
    expect(node.made()).toBe(0);
  });

  test('a non-blocking descriptor that is full (EAGAIN): the rest, and everything after, goes through Node\'s stream in order', () => {
    const out: string[] = [];
    const node = nodeStream();
    let calls = 0;
    const w = directWriter(2, node.make, ((_fd: number, b: Uint8Array, at: number) => {
      if (++calls > 1) throw errno('EAGAIN');
      out.push(Buffer.from(b.subarray(at, at + 4)).toString());
      return 4;
    }) as never);
    w.write('abcdefgh');
    w.write('ijk');
    expect(out).toEqual(['abcd']);
    expect(node.got).toEqual(['efgh', 'ijk']);
    expect(node.made()).toBe(1);
  });

  test('standard error closed (EPIPE): the rest is dropped, nothing is thrown', () => {
    let calls = 0;
    const w = directWriter(2, nodeStream().make, (() => {
      calls++;
      throw errno('EPIPE');
    }) as never);
    expect(w.write('a')).toBe(true);
    expect(w.write('b')).toBe(false);
    expect(calls).toBe(1);
  });

  test('any other error on standard output goes to the failure handler (which prints one line and exits 1)', () => {
    const failed: unknown[] = [];
    const w = directWriter(1, nodeStream().make, (() => {
      throw errno('ENOSPC');
    }) as never, ((err: unknown) => {
      failed.push(err);
      throw new Error('exited');
    }) as never);
    expect(() => w.write('x')).toThrow('exited');
    expect((failed[0] as NodeJS.ErrnoException).code).toBe('ENOSPC');
  });

  test('the failure line names the error in words', () => {
    expect(writeFailureMessage(errno('ENOSPC'))).toBe('kms-wizard: could not write: no space left on device\n');
    expect(writeFailureMessage(errno('EIO'))).toBe('kms-wizard: could not write: input/output error\n');
    expect(writeFailureMessage(errno('EWHATEVER'))).toBe('kms-wizard: could not write: EWHATEVER\n');
  });

  test('it says it is not a terminal, so colour and layout decisions stay right', () => {
    const w = directWriter(1, nodeStream().make, (() => 1) as never);
    expect(w.isTTY).toBe(false);
    expect(w.columns).toBeUndefined();
  });
});
