// What a template or plan says about a key's type, for the lint rules that
// check actions against it (KW507, KW705). CreateKey's defaults apply to what
// is not written: KeySpec SYMMETRIC_DEFAULT, KeyUsage ENCRYPT_DECRYPT
// ("AWS::KMS::Key", AWS CloudFormation User Guide; aws_kms_key
// customer_master_key_spec and key_usage, Terraform AWS provider). A value
// only deployment knows leaves the type unknown, and nothing is checked.
import type { KeyFacts } from '../lint/model.js';
import type { PolicyValue } from './intrinsics.js';
import type { SourceNode } from './source-tree.js';

const DEFAULT_SPEC = 'SYMMETRIC_DEFAULT';
const DEFAULT_USAGE = 'ENCRYPT_DECRYPT';

/** A property's string, its default when absent, undefined when only deployment knows it. */
function written(value: PolicyValue | SourceNode | undefined, fallback: string): string | undefined {
  if (value === undefined) return fallback;
  return value.type === 'scalar' && typeof value.value === 'string' ? value.value : undefined;
}

/** An AWS::KMS::Key's KeySpec and KeyUsage (a ReplicaKey has its primary's, which the template does not say). */
export function templateKeyFacts(resourceType: string, prop: (name: string) => PolicyValue | undefined, refs: readonly string[]): KeyFacts {
  if (resourceType !== 'AWS::KMS::Key') return { keySpec: undefined, keyUsage: undefined, refs };
  return { keySpec: written(prop('KeySpec'), DEFAULT_SPEC), keyUsage: written(prop('KeyUsage'), DEFAULT_USAGE), refs };
}

/** A planned aws_kms_key's customer_master_key_spec and key_usage (unknown until apply when after_unknown says so). */
export function planKeyFacts(resourceType: string, values: SourceNode | undefined, unknown: SourceNode | undefined, refs: readonly string[]): KeyFacts {
  const attribute = (name: string, fallback: string) => {
    const unknownFlag = unknown?.type === 'object' ? unknown.entries.find((e) => e.key === name)?.value : undefined;
    if (unknownFlag?.type === 'scalar' && unknownFlag.value === true) return undefined;
    const value = values?.type === 'object' ? values.entries.find((e) => e.key === name)?.value : undefined;
    return written(value?.type === 'scalar' && value.value === null ? undefined : value, fallback);
  };
  if (resourceType !== 'aws_kms_key') return { keySpec: undefined, keyUsage: undefined, refs };
  return { keySpec: attribute('customer_master_key_spec', DEFAULT_SPEC), keyUsage: attribute('key_usage', DEFAULT_USAGE), refs };
}
