// The executable: answers --version with no other module loaded (the
// version is inlined at build time), and loads the dispatcher, dist/main.cjs,
// for the rest (on Node 20 with kms-wizard's compile cache when
// KMS_WIZARD_COMPILE_CACHE=1).
import { Module } from 'node:module';
import { writeSync } from 'node:fs';
import { join } from 'node:path';
import { CACHED_COMMANDS, loadWithCompileCache, type MainId } from './compile-cache.js';

declare const __KMS_WIZARD_VERSION__: string;
/** dist/main.cjs as the build wrote it (scripts/build.mjs). */
declare const __KMS_WIZARD_MAIN_ID__: MainId;

// Node 22+ keeps V8's compiled code of the modules loaded from here on
// between runs (in its temp directory); Node 20 has no such call, and can
// have kms-wizard's own, opt-in cache for dist/main.cjs (./compile-cache.ts).
const compileCacheStatus = (Module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

// Ink ignores NO_COLOR; its colour library honours FORCE_COLOR=0.
if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') process.env.FORCE_COLOR = '0';

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
  // Written directly: process.stdout would load Node's stream modules for one line
  // (src/cli/std-streams.ts). A closed pipe ends it quietly; a full non-blocking one gets the stream.
  const text = `${__KMS_WIZARD_VERSION__}\n`;
  try {
    writeSync(1, text);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EAGAIN') process.stdout.write(text);
  }
} else {
  // Each command's compiled code is cached apart (it holds the functions that command ran).
  const first = argv[0] === undefined || argv[0].startsWith('-') ? 'wizard' : argv[0];
  const command = CACHED_COMMANDS.includes(first) ? first : 'other';
  // With Node's own cache (22+), main.cjs is required as usual.
  const ownCache = compileCacheStatus === undefined;
  void Promise.resolve()
    .then(() => loadWithCompileCache<typeof import('./dist-main.js')>(join(__dirname, 'main.cjs'), __KMS_WIZARD_MAIN_ID__, command, process.env, ownCache))
    .then(async ({ main, reportError, processIo }) => {
      process.exitCode = await main(argv).catch((err: unknown) => reportError(err, 'kms-wizard', processIo().stderr, process.env));
    });
}
