// What a template or plan says about a key's type, for the lint rules that
// check actions against it (KW507, KW705). CreateKey's defaults apply to what
// is not written: KeySpec SYMMETRIC_DEFAULT, KeyUsage ENCRYPT_DECRYPT
// ("AWS::KMS::Key", AWS CloudFormation User Guide; aws_kms_key
// customer_master_key_spec and key_usage, Terraform AWS provider). A value
// only deployment knows leaves the type unknown, and nothing is checked.
import type { KeyFacts } from '../lint/model.js';
import type { PolicyValue } from './intrinsics.js';

const DEFAULT_SPEC = 'SYMMETRIC_DEFAULT';
const DEFAULT_USAGE = 'ENCRYPT_DECRYPT';

/** A property's string, its default when absent, undefined when only deployment knows it. */
function written(value: PolicyValue | undefined, fallback: string): string | undefined {
  if (value === undefined) return fallback;
  return value.type === 'scalar' && typeof value.value === 'string' ? value.value : undefined;
}

/** An AWS::KMS::Key's KeySpec and KeyUsage (a ReplicaKey has its primary's, which the template does not say). */
export function templateKeyFacts(resourceType: string, prop: (name: string) => PolicyValue | undefined, refs: readonly string[]): KeyFacts {
  if (resourceType !== 'AWS::KMS::Key') return { keySpec: undefined, keyUsage: undefined, refs };
  return { keySpec: written(prop('KeySpec'), DEFAULT_SPEC), keyUsage: written(prop('KeyUsage'), DEFAULT_USAGE), refs };
}

/** A planned aws_kms_key's customer_master_key_spec and key_usage (unknown until apply when after_unknown says so); `values` and `unknown` are JSON.parse values. */
export function planKeyFacts(resourceType: string, values: unknown, unknown: unknown, refs: readonly string[]): KeyFacts {
  const own = (object: unknown, name: string) => (typeof object === 'object' && object !== null && !Array.isArray(object) && Object.hasOwn(object, name) ? (object as Record<string, unknown>)[name] : undefined);
  const attribute = (name: string, fallback: string) => {
    if (own(unknown, name) === true) return undefined;
    const value = own(values, name);
    if (value === undefined || value === null) return fallback;
    return typeof value === 'string' ? value : undefined;
  };
  if (resourceType !== 'aws_kms_key') return { keySpec: undefined, keyUsage: undefined, refs };
  return { keySpec: attribute('customer_master_key_spec', DEFAULT_SPEC), keyUsage: attribute('key_usage', DEFAULT_USAGE), refs };
}
