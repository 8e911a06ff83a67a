// The requests the access comparison tries, taken from both key policies:
// every principal either names (plus a role of the key's account and one of
// another account), every KMS action either names, called directly, through
// each ViaService value either names and through a service neither names.
import type { KeyArn } from '../arn.js';
import { viaServiceNames, viaServiceValue } from '../catalog/services.js';
import { parseOperator } from '../evaluate/condition-operators.js';
import { callerAccounts, consumerFrom, syntheticConsumer, type Consumer } from '../evaluate/matrix-consumers.js';
import { isPlainObject, stringEntries, type PolicyDocumentView } from '../evaluate/policy-document.js';
import { parseViaValue, type ViaValue } from '../evaluate/via-values.js';
import { coveredKmsActions } from './statement-shape.js';
import { kmsAction, KMS_ACTIONS } from '../catalog/actions.js';

/** Who the comparison asks about. */
export type RequestPrincipal =
  | { readonly kind: 'iam'; readonly consumer: Consumer }
  | { readonly kind: 'service'; readonly service: string };

export interface RequestSet {
  readonly principals: readonly RequestPrincipal[];
  readonly actions: readonly string[];
  /** ViaService values to try besides the direct call; the last is a service neither policy names. */
  readonly vias: readonly ViaValue[];
}

const OUTSIDER_ACCOUNTS = ['999988887777', '777788889999', '555566667777'];
const OTHER_SERVICE_PREFERENCE = ['s3', 'secretsmanager', 'sqs', 'sns', 'lambda', 'dynamodb'];

function principalEntries(raw: unknown): { aws: string[]; services: string[] } {
  if (raw === '*') return { aws: ['*'], services: [] };
  if (!isPlainObject(raw)) return { aws: [], services: [] };
  return { aws: stringEntries(raw.AWS), services: stringEntries(raw.Service) };
}

/** kms:ViaService values a statement's conditions name, under any string operator (a `*` Region in StringLike = the key's Region). */
function viaValues(condition: unknown, region: string): ViaValue[] {
  if (!isPlainObject(condition)) return [];
  const out: ViaValue[] = [];
  for (const [operator, block] of Object.entries(condition)) {
    const op = parseOperator(operator);
    if ('error' in op || op.base.family !== 'String' || !isPlainObject(block)) continue;
    for (const [key, raw] of Object.entries(block)) {
      if (key.toLowerCase() !== 'kms:viaservice') continue;
      for (const v of [raw].flat()) {
        if (typeof v !== 'string') continue;
        const concrete = op.base.name === 'StringLike' ? v.replace(/^([^.*?]+)\.\*\./, `$1.${region}.`) : v;
        const parsed = parseViaValue(concrete.toLowerCase());
        if (parsed) out.push(parsed);
      }
    }
  }
  return out;
}

/** The request set for comparing the key policies `views` (read once). */
export function requestSet(views: readonly PolicyDocumentView[], key: KeyArn): RequestSet {
  const consumers = new Map<string, Consumer>();
  const services = new Set<string>();
  const actions = new Set<string>();
  const vias = new Map<string, ViaValue>();
  const addConsumer = (c: Consumer | undefined) => {
    if (c && !consumers.has(c.arn)) consumers.set(c.arn, c);
  };
  addConsumer(syntheticConsumer(key.partition, key.account));
  for (const view of views) {
    for (const s of view.statements) {
      for (const raw of [s.principal, s.notPrincipal]) {
        const { aws, services: named } = principalEntries(raw);
        for (const svc of named) services.add(svc);
        for (const entry of aws) {
          if (entry !== '*') addConsumer(consumerFrom(entry, key.partition));
          else for (const account of callerAccounts(s)) addConsumer(syntheticConsumer(key.partition, account));
        }
      }
      if (s.action) for (const a of coveredKmsActions(s.action)) actions.add(a);
      if (s.notAction) for (const a of KMS_ACTIONS) actions.add(a);
      for (const v of viaValues(s.condition, key.region)) if (!vias.has(v.value)) vias.set(v.value, v);
    }
  }
  const accounts = new Set([...consumers.values()].map((c) => c.account));
  const outsider = OUTSIDER_ACCOUNTS.find((a) => !accounts.has(a))!;
  addConsumer(syntheticConsumer(key.partition, outsider));

  const used = new Set([...vias.values()].map((v) => v.service));
  const other = [...OTHER_SERVICE_PREFERENCE, ...viaServiceNames()].find((s) => !used.has(s))!;
  const region = [...vias.values()][0]?.region ?? key.region;
  const otherVia: ViaValue = { value: viaServiceValue(other, region), service: other, region };

  // A key policy only governs actions on the key: CreateKey, ListKeys, GenerateRandom... are IAM's alone [key-policy-overview].
  const ordered = KMS_ACTIONS.filter((a) => actions.has(a) && kmsAction(a)?.onKey);
  return {
    principals: [
      ...[...consumers.values()].map((consumer): RequestPrincipal => ({ kind: 'iam', consumer })),
      ...[...services].sort().map((service): RequestPrincipal => ({ kind: 'service', service })),
    ],
    actions: ordered.length > 0 ? ordered : ['kms:Decrypt'],
    vias: [...[...vias.values()].sort((a, b) => a.value.localeCompare(b.value)), otherVia],
  };
}
