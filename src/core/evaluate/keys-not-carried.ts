// Condition keys a simulated request was given that its action's real
// requests never carry. The Service Authorization Reference lists, per KMS
// action, the kms: keys its requests can have ("Actions, resources, and
// condition keys for AWS Key Management Service",
// https://docs.aws.amazon.com/service-authorization/latest/reference/list_awskeymanagementservice.html;
// as data in catalog/kms-data.ts). A key outside that list never reaches a
// policy, so a simulation that lets it decide answers a question AWS never asks.
import { actionSupportsConditionKey, kmsAction, kmsConditionKey } from '../catalog/actions.js';
import type { KmsRequest } from './request-context.js';

export interface KeyNotCarried {
  /** The key as given. */
  readonly key: string;
  /** Not a kms: condition key at all (a typo), rather than one this action lacks. */
  readonly unknown: boolean;
}

/** The kms: keys of `--context` / `--via-service` that `request.action` never carries; empty for non-KMS actions. */
export function keysNotCarried(request: KmsRequest): KeyNotCarried[] {
  if (!kmsAction(request.action)) return [];
  const given = [...(request.viaService !== undefined ? ['kms:ViaService'] : []), ...Object.keys(request.context ?? {})];
  return given
    .filter((k) => k.toLowerCase().startsWith('kms:') && !actionSupportsConditionKey(request.action, k))
    .map((key) => ({ key, unknown: kmsConditionKey(key) === undefined }));
}

/** The same request without those keys: what AWS would actually evaluate. */
export function withoutKeys(request: KmsRequest, keys: readonly KeyNotCarried[]): KmsRequest {
  const drop = new Set(keys.map((k) => k.key.toLowerCase()));
  const { viaService, context, ...rest } = request;
  const kept = Object.entries(context ?? {}).filter(([k]) => !drop.has(k.toLowerCase()));
  return {
    ...rest,
    ...(viaService !== undefined && !drop.has('kms:viaservice') ? { viaService } : {}),
    ...(kept.length > 0 ? { context: Object.fromEntries(kept) } : {}),
  };
}
