// The module behind dist/main.cjs (scripts/build.mjs): the CLI's dispatcher
// and the library API in one file, so dist/cli.cjs and dist/index.cjs share
// the core's code instead of the package shipping it twice.
export { main, reportError } from './cli/main.js';
export * as api from './api/index.js';
