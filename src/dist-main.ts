// The module behind dist/main.cjs (scripts/build.mjs): the CLI's dispatcher
// and the library API in one file, so dist/cli.cjs and dist/index.cjs share
// the core's code instead of the package shipping it twice.
export { main, reportError } from './cli/main.js';
export { processIo } from './cli/io.js';

// The bundler turns this require() into a lazy initialisation of the API's
// modules: a namespace export (`export * as api`) would initialise all of the
// core (lint, the evaluator, the IaC readers...) whenever main.cjs is loaded,
// that is for every command, even --help.
declare const require: (id: string) => unknown;

/** The library API (dist/index.cjs reads it once). */
export const loadApi = (): typeof import('./api/index.js') => require('./api/index.js') as typeof import('./api/index.js');
