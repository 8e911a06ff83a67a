import { renderJson } from './json.js';
import type { Renderer } from './types.js';

/** Output formats by `--format` name. */
export const FORMATS: Record<string, Renderer> = {
  json: renderJson,
};

export const FORMAT_NAMES: readonly string[] = Object.keys(FORMATS);
