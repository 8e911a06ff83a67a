// How a key policy change changes who can use the key, in terms of the real
// principals of the exports: the who-can answers for the policy before and
// after (over the same exports) compared route by route. A route is one way
// to call one action: directly, through one kms:ViaService value, or through
// one grant; so "Decrypt through s3" becoming "Decrypt through s3 and ebs"
// reads as a gain of Decrypt through ebs, not as a loss and a gain.
import { whoCan, type WhoCanInput } from './engine.js';
import type { AccessEntry, WhoCanResult } from './result.js';

/** One access a principal gains or loses, or whose conditions change. */
export interface AccessChange {
  readonly kind: 'access';
  readonly principal: string;
  readonly change: 'gains' | 'loses' | 'conditions';
  readonly action: string;
  readonly via: AccessEntry['via'];
  /** For via service: the kms:ViaService values the change is about (not every value of the entry). */
  readonly services?: readonly string[];
  readonly grantId?: string;
  /** The condition keys of the access: after the change for gains and conditions, before it for losses. */
  readonly conditions: readonly string[];
  /** For a conditions change: the condition keys before it. */
  readonly conditionsBefore?: readonly string[];
  readonly external: boolean;
  /** The path that allows it (after; before for a loss). */
  readonly path: readonly string[];
}

/** A takeover path a principal gains or loses. */
export interface TakeoverChange {
  readonly kind: 'takeover';
  readonly principal: string;
  readonly change: 'gains' | 'loses';
  readonly action: string;
  readonly path: readonly string[];
}

export type PrincipalChange = AccessChange | TakeoverChange;

interface Route {
  readonly entry: AccessEntry;
  readonly service?: string;
}

const routeId = (e: AccessEntry, service?: string) => JSON.stringify([e.principal, e.action, e.via, service ?? e.grantId ?? '']);

/** Every route of an answer, by id: a service entry gives one route per kms:ViaService value. */
function routes(result: WhoCanResult): Map<string, Route> {
  const out = new Map<string, Route>();
  for (const e of result.access) {
    if (e.via === 'service') for (const service of e.services ?? []) out.set(routeId(e, service), { entry: e, service });
    else out.set(routeId(e), { entry: e });
  }
  return out;
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

function changeOf(change: AccessChange['change'], route: Route, conditionsBefore?: readonly string[]): AccessChange {
  const e = route.entry;
  return {
    kind: 'access',
    principal: e.principal,
    change,
    action: e.action,
    via: e.via,
    ...(route.service !== undefined ? { services: [route.service] } : {}),
    ...(e.grantId !== undefined ? { grantId: e.grantId } : {}),
    conditions: e.conditions,
    ...(conditionsBefore ? { conditionsBefore } : {}),
    external: e.external,
    path: e.path,
  };
}

/** Changes that differ only in their kms:ViaService value, as one change listing the values. */
function joinServices(changes: readonly AccessChange[]): AccessChange[] {
  const out = new Map<string, AccessChange>();
  for (const c of changes) {
    const id = JSON.stringify([c.principal, c.change, c.action, c.via, c.grantId ?? '', c.conditions, c.conditionsBefore ?? [], c.external, c.path]);
    const seen = out.get(id);
    out.set(id, seen && c.services ? { ...seen, services: [...(seen.services ?? []), ...c.services] } : c);
  }
  return [...out.values()];
}

function accessChanges(before: WhoCanResult, after: WhoCanResult): AccessChange[] {
  const was = routes(before);
  const now = routes(after);
  const out: AccessChange[] = [];
  for (const [id, route] of now) {
    const old = was.get(id);
    if (!old) out.push(changeOf('gains', route));
    else if (!sameSet(old.entry.conditions, route.entry.conditions)) out.push(changeOf('conditions', route, old.entry.conditions));
  }
  for (const [id, route] of was) if (!now.has(id)) out.push(changeOf('loses', route));
  return joinServices(out);
}

function takeoverChanges(before: WhoCanResult, after: WhoCanResult): TakeoverChange[] {
  const ids = (r: WhoCanResult) => new Map(r.takeover.map((t) => [JSON.stringify([t.principal, t.action]), t] as const));
  const was = ids(before);
  const now = ids(after);
  return [
    ...[...now].filter(([id]) => !was.has(id)).map(([, t]) => ({ kind: 'takeover' as const, principal: t.principal, change: 'gains' as const, action: t.action, path: t.path })),
    ...[...was].filter(([id]) => !now.has(id)).map(([, t]) => ({ kind: 'takeover' as const, principal: t.principal, change: 'loses' as const, action: t.action, path: t.path })),
  ];
}

const ORDER: Record<string, number> = { 'takeover gains': 0, 'takeover loses': 1, 'access gains': 2, 'access loses': 3, 'access conditions': 4 };

/**
 * What each principal gains and loses between two who-can answers for the
 * same key and exports: ordered by principal, then takeover before access,
 * gains before losses, then by action.
 */
export function accessDelta(before: WhoCanResult, after: WhoCanResult): PrincipalChange[] {
  const all: PrincipalChange[] = [...takeoverChanges(before, after), ...accessChanges(before, after)];
  const rank = (c: PrincipalChange) => ORDER[`${c.kind} ${c.change}`]!;
  return all.sort((a, b) => a.principal.localeCompare(b.principal) || rank(a) - rank(b) || a.action.localeCompare(b.action));
}

/** The change and what was assumed, from both answers' notes. */
export interface WhoCanChange {
  readonly key: string;
  readonly changes: readonly PrincipalChange[];
  readonly notes: readonly string[];
}

/** Runs who-can on the key policy before and after over the same exports, and compares the answers. */
export function whoCanChange(exports: Omit<WhoCanInput, 'keyPolicy'>, before: Record<string, unknown>, after: Record<string, unknown>): WhoCanChange {
  const was = whoCan({ ...exports, keyPolicy: before });
  const now = whoCan({ ...exports, keyPolicy: after });
  return { key: now.key, changes: accessDelta(was, now), notes: [...new Set([...was.notes, ...now.notes])] };
}
