// What the current policy answers before anyone is asked: the wizard shows
// these as pre-filled answers, generate takes the administrators.
import { isAccountId, type KeyArn } from '../arn.js';
import { SERVICES } from '../catalog/services.js';
import { callerAccounts } from '../evaluate/matrix-consumers.js';
import { readPolicyDocument } from '../evaluate/policy-document.js';
import { allowedViaValues } from '../evaluate/via-values.js';
import type { Fates } from './fates.js';
import type { CurrentPolicy } from './read-current.js';

/** Answers read from the current policy, in the spec's terms (flag values). */
export interface PreAnswers {
  /** Key administrators (from the administrators statement): `--admin` values. */
  readonly admins: readonly string[];
  /** Accounts named by kms:CallerAccount conditions of Allow statements: `--consumer` values. */
  readonly consumers: readonly string[];
  /** Catalog service ids (or full values for services not in the catalog) from kms:ViaService values: `--service` values. */
  readonly services: readonly string[];
  /** The Regions of those values: `--region` values. */
  readonly regions: readonly string[];
  /** Roles and users whose direct use is replaced: the wizard offers them as consumers. */
  readonly directUsers: readonly string[];
}

const byViaName = new Map(SERVICES.flatMap((s) => s.viaServiceNames.map((n) => [n, s.id] as const)));

export function preAnswersFrom(current: CurrentPolicy, fates: Fates, key: KeyArn): PreAnswers {
  const view = readPolicyDocument(current.document);
  const accounts = new Set<string>();
  for (const s of view.statements) if (s.effect === 'Allow') for (const a of callerAccounts(s)) if (isAccountId(a)) accounts.add(a);
  const vias = allowedViaValues([current.document], key.region);
  const services = new Set(vias.map((v) => byViaName.get(v.service) ?? v.value));
  return {
    admins: fates.admins,
    consumers: [...accounts].sort(),
    services: [...services].sort(),
    regions: [...new Set(vias.map((v) => v.region))].sort(),
    directUsers: fates.directUsers,
  };
}
