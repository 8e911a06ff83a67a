import type { BuildResult } from '../../core/build-types.js';

/** A file the tool writes, relative to the output directory. */
export interface OutputFile {
  readonly name: string;
  readonly content: string;
  /** What the file is, for the summary ("key policy", "IAM policy for account ..."). */
  readonly description: string;
}

/** Turns a build result into the files of one output format. Pure. */
export type Renderer = (result: BuildResult) => OutputFile[];
