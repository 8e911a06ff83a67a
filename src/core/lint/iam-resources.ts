// IAM statements that use a KMS key, and what their Resource values are.
import { KMS_ACTION_DATA } from '../catalog/kms-data.js';
import { coveredKmsActions } from './actions.js';
import type { Located } from './json-tree.js';
import type { PolicyModel, StatementModel } from './model.js';

const ON_KEY = new Set(KMS_ACTION_DATA.filter((a) => a.onKey).map((a) => `kms:${a.name}`));
const ALIAS_ACTIONS = new Set(['kms:CreateAlias', 'kms:DeleteAlias', 'kms:UpdateAlias', 'kms:ListAliases']);

export interface KeyUseStatement {
  readonly statement: StatementModel;
  /** The KMS actions it covers that act on a key. */
  readonly keyActions: string[];
  /** Whether it also covers alias actions (which take alias ARNs as resources). */
  readonly aliasActions: boolean;
  readonly resources: Located<string>[];
}

const cache = new WeakMap<PolicyModel, KeyUseStatement[]>();

/** Statements of an IAM policy with Action (not NotAction) covering actions on a KMS key, and their Resource (not NotResource). */
export function keyUseStatements(doc: PolicyModel): KeyUseStatement[] {
  let result = cache.get(doc);
  if (!result) cache.set(doc, (result = findKeyUseStatements(doc)));
  return result;
}

function findKeyUseStatements(doc: PolicyModel): KeyUseStatement[] {
  const out: KeyUseStatement[] = [];
  for (const s of doc.statements) {
    if (s.notAction || s.notResource) continue;
    const covered = [...coveredKmsActions(s)];
    const keyActions = covered.filter((a) => ON_KEY.has(a));
    if (keyActions.length === 0) continue;
    out.push({ statement: s, keyActions, aliasActions: covered.some((a) => ALIAS_ACTIONS.has(a)), resources: s.resources });
  }
  return out;
}

export const ALIAS_ARN = /^arn:[^:]*:kms:[^:]*:[^:]*:alias\//;

/**
 * A resource that names every key: "*", or a KMS ARN ending in key/*. An
 * empty Region or account is not "any": every key ARN has both, so
 * `arn:aws:kms::111122223333:key/*` matches no key at all (KW504 says so).
 */
export function namesEveryKey(value: string): boolean {
  return value === '*' || /^arn:[^:]*:kms:[^:]+:[^:]+:(key\/)?\*$/.test(value);
}

/**
 * Whether a Resource value may name a KMS key: anything but an ARN whose
 * service is written out and is not kms. A policy variable or a template
 * value elsewhere in the ARN (`arn:aws:s3:::${BucketName}/*`) does not change
 * its service. Values that are not ARNs are left to KW502 (key ids, alias names).
 */
export function mayNameKey(value: string): boolean {
  if (!value.startsWith('arn:')) return true;
  const service = value.split(':')[2] ?? '';
  return service === 'kms' || /[*?$]/.test(service) || service === '';
}
