// The executable: answers --version with no other module loaded (the
// version is inlined at build time), and loads the dispatcher for the rest.
import module from 'node:module';

declare const __KMS_WIZARD_VERSION__: string;

// Node 22+ keeps V8's compiled code of the modules loaded from here on
// between runs (in its temp directory); older Node has no such call.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

// Ink ignores NO_COLOR; its colour library honours FORCE_COLOR=0.
if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') process.env.FORCE_COLOR = '0';

// `kms-wizard ... | head`: a closed pipe ends the output quietly, as in other CLIs.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
  process.stdout.write(`${__KMS_WIZARD_VERSION__}\n`);
} else {
  // No top-level await: the build makes CommonJS of this (scripts/build.mjs).
  void import('./cli/main.js').then(async ({ main, reportError }) => {
    process.exitCode = await main(argv).catch((err: unknown) => reportError(err, 'kms-wizard', process.stderr, process.env));
  });
}
