import { parseKeyArn } from '../arn.js';
import { joinWords } from './english-list.js';

/** An IAM statement's Resource in words, and whether it can name a key at all. */
export interface ResourceText {
  readonly text: string;
  /** Entries that never match a key (alias ARNs, key ids, alias names). */
  readonly neverMatches: readonly string[];
  readonly anyKey: boolean;
}

function one(resource: string, keyArn: string | undefined): { text: string; never: boolean; any: boolean } {
  if (resource === '*') return { text: 'any KMS key (in practice, keys whose key policy lets this account in)', never: false, any: true };
  if (keyArn && resource === keyArn) return { text: 'this key', never: false, any: false };
  if (/^arn:[^:]+:kms:[^:]*:[^:]*:alias\//.test(resource)) return { text: `the alias ARN ${resource}, which never matches a key (IAM policies must name the key ARN)`, never: true, any: false };
  if (!resource.startsWith('arn:')) return { text: `"${resource}", which is not an ARN and matches no key`, never: true, any: false };
  if (resource.includes('*') || resource.includes('?')) return { text: `keys matching ${resource}`, never: false, any: false };
  const key = parseKeyArn(resource);
  if (key.ok) return { text: `key ${key.value.keyId} (account ${key.value.account}, ${key.value.region})`, never: false, any: false };
  return { text: resource, never: false, any: false };
}

export function describeResources(resources: readonly string[] | undefined, notResources: readonly string[] | undefined, keyArn: string | undefined): ResourceText {
  if (notResources) return { text: `every resource except ${joinWords(notResources)}`, neverMatches: [], anyKey: true };
  const parts = (resources ?? []).map((r) => ({ r, ...one(r, keyArn) }));
  return { text: joinWords(parts.map((p) => p.text)), neverMatches: parts.filter((p) => p.never).map((p) => p.r), anyKey: parts.some((p) => p.any) };
}
