import { renderCdk } from './cdk.js';
import { renderCloudFormation } from './cloudformation.js';
import { renderJson } from './json.js';
import { renderTerraform } from './terraform.js';
import type { Renderer } from './types.js';

/** Output formats by `--format` name. */
export const FORMATS: Record<string, Renderer> = {
  json: renderJson,
  terraform: renderTerraform,
  cloudformation: renderCloudFormation,
  cdk: renderCdk,
};

export const FORMAT_NAMES: readonly string[] = Object.keys(FORMATS);
