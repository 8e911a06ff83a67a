// simulate's warning for condition keys the action never carries: which keys,
// and the decision AWS would reach without them (the request is still
// simulated as given, so the answer to what was asked stays visible).
import type { Decision, KmsRequest } from '../core/evaluate/index.js';
import { keysNotCarried, withoutKeys } from '../core/evaluate/keys-not-carried.js';

export function absentKeyNotes(request: KmsRequest, given: Decision, evaluate: (r: KmsRequest) => Decision): string[] {
  const absent = keysNotCarried(request);
  if (absent.length === 0) return [];
  const without = evaluate(withoutKeys(request, absent)).decision;
  const keys = absent.map((k) => k.key).join(', ');
  const why = absent.every((k) => k.unknown)
    ? `${absent.length === 1 ? 'is not a KMS condition key' : 'are not KMS condition keys'}, so no request carries ${absent.length === 1 ? 'it' : 'them'}`
    : `${absent.length === 1 ? 'is' : 'are'} not part of a ${request.action} request: AWS never sends ${absent.length === 1 ? 'it' : 'them'} with this action`;
  const outcome = without === given.decision ? `the decision is the same without ${absent.length === 1 ? 'it' : 'them'} (${without})` : `without ${absent.length === 1 ? 'it' : 'them'} the decision would be ${without}, not ${given.decision}`;
  return [`warning: ${keys} ${why}; ${outcome}`];
}
