import { parsePrincipalArn } from '../core/arn.js';
import { findService, viaServiceValue } from '../core/catalog/services.js';
import type { RequestSpec } from './types.js';

/** A request in the evaluator's shape: every value concrete. */
export interface ResolvedRequest {
  readonly principal: string;
  readonly action: string;
  readonly keyArn: string;
  readonly viaService?: string;
  readonly encryptionContext?: Readonly<Record<string, string>>;
  readonly context?: Readonly<Record<string, string | boolean | string[]>>;
}

/**
 * Fills in the key ARN and turns `{service, region}` into the ViaService value
 * the catalog gives (so `ebs` in eu-west-1 becomes `ec2.eu-west-1.amazonaws.com`
 * from the catalog's data, not from the lesson's text).
 */
export function resolveRequest(spec: RequestSpec, defaultKeyArn: string): ResolvedRequest {
  let viaService: string | undefined;
  if (typeof spec.viaService === 'string') viaService = spec.viaService;
  else if (spec.viaService) {
    const service = findService(spec.viaService.service);
    // parse-exercise.ts has already refused unknown services.
    viaService = viaServiceValue(service!.viaServiceNames[0]!, spec.viaService.region);
  }
  return {
    principal: spec.principal,
    action: spec.action,
    keyArn: spec.keyArn ?? defaultKeyArn,
    ...(viaService !== undefined ? { viaService } : {}),
    ...(spec.encryptionContext ? { encryptionContext: spec.encryptionContext } : {}),
    ...(spec.context ? { context: spec.context } : {}),
  };
}

/** A short name for a principal: `user/John (111122223333)`, `role/app session s1`. */
export function principalLabel(arn: string): string {
  const p = parsePrincipalArn(arn);
  if (!p.ok) return arn;
  if (p.value.kind === 'root') return `account ${p.value.account}`;
  if (p.value.kind === 'assumed-role') return `role/${p.value.name} (session ${p.value.session}, account ${p.value.account})`;
  return `${p.value.kind}/${p.value.name} (account ${p.value.account})`;
}

/** The IAM role behind an assumed-role session ARN, so a session finds its role's IAM policy. */
export function roleOfSession(arn: string): string | undefined {
  const p = parsePrincipalArn(arn);
  if (!p.ok || p.value.kind !== 'assumed-role') return undefined;
  return `arn:${p.value.partition}:iam::${p.value.account}:role/${p.value.name}`;
}

/** One sentence describing the request, for the exercise screen. */
export function describeRequest(r: ResolvedRequest): string {
  const how = r.viaService ? `through ${r.viaService}` : 'directly (SDK or CLI, no AWS service in between)';
  const parts = [`${principalLabel(r.principal)} calls ${r.action} on the key ${how}`];
  if (r.encryptionContext && Object.keys(r.encryptionContext).length > 0) {
    parts.push(`with encryption context ${Object.entries(r.encryptionContext).map(([k, v]) => `${k}=${v}`).join(', ')}`);
  }
  if (r.context) {
    for (const [k, v] of Object.entries(r.context)) parts.push(`${k} = ${Array.isArray(v) ? v.join(', ') : String(v)}`);
  }
  return `${parts.join(', ')}.`;
}
