/**
 * The wizard's answers and how they are checked: always through the same
 * validateSpec() that `generate` uses, so a value the wizard accepts is a
 * value `generate` accepts, with the same messages.
 */
import { buildPolicies, type BuildResult } from '../core/build.js';
import { validateSpec, type AccessMode, type PolicySpec, type ResolvedSpec, type SpecField, type SpecIssue } from '../core/spec.js';
import type { Result } from '../core/result.js';

/** The answers so far: a PolicySpec where "not answered yet" and "default" are the same thing. */
export interface Answers {
  readonly keyArn: string;
  readonly admins: readonly string[];
  readonly consumers: readonly string[];
  readonly access: AccessMode;
  readonly services: readonly string[];
  /** Undefined: the key's Region (the default). */
  readonly regions?: readonly string[];
  /** Undefined: each service's default actions; a list overrides them for every service. */
  readonly actions?: readonly string[];
}

export const EMPTY_ANSWERS: Answers = { keyArn: '', admins: [], consumers: [], access: 'iam', services: [] };

/** The PolicySpec these answers give: the one `generate` builds from the equivalent flags. */
export function toSpec(a: Answers): PolicySpec {
  return {
    keyArn: a.keyArn,
    admins: [...a.admins],
    consumers: [...a.consumers],
    access: a.access,
    services: [...a.services],
    regions: [...(a.regions ?? [])],
    ...(a.actions && a.actions.length > 0 ? { actions: [...a.actions] } : {}),
  };
}

// validateSpec is pure and takes well under a millisecond, but a screen asks
// for it several times per frame: remember the last few answers.
const memo = new Map<string, Result<ResolvedSpec, SpecIssue[]>>();
export function validate(a: Answers): Result<ResolvedSpec, SpecIssue[]> {
  const spec = toSpec(a);
  const k = JSON.stringify(spec);
  let r = memo.get(k);
  if (!r) {
    r = validateSpec(spec);
    if (memo.size > 50) memo.clear();
    memo.set(k, r);
  }
  return r;
}

/** The errors about these fields (empty when the answers are valid for them). */
export function errorsFor(a: Answers, fields: readonly SpecField[]): SpecIssue[] {
  const r = validate(a);
  return r.ok ? [] : r.error.filter((i) => fields.includes(i.field));
}

/** The warnings about these fields, once the answers are valid. */
export function warningsFor(a: Answers, fields: readonly SpecField[]): SpecIssue[] {
  const r = validate(a);
  return r.ok ? r.value.warnings.filter((i) => fields.includes(i.field)) : [];
}

/** Checks one typed value of a list field as it would be checked in the full spec. */
export function checkValue(a: Answers, field: 'admins' | 'consumers' | 'services' | 'regions' | 'actions', value: string): { errors: SpecIssue[]; warnings: SpecIssue[] } {
  const v = value.trim();
  const trial: Answers = { ...a, [field]: [v] };
  const r = validate(trial);
  const mine = (i: SpecIssue) => i.field === field && (i.value === undefined || i.value === v || i.value.toLowerCase() === v.toLowerCase());
  if (!r.ok) return { errors: r.error.filter(mine), warnings: [] };
  return { errors: [], warnings: r.value.warnings.filter(mine) };
}

/** Splits what was typed into a list field: commas and spaces separate values. */
export const splitValues = (text: string): string[] => text.split(/[\s,]+/).map((v) => v.trim()).filter(Boolean);

/** The policies for valid answers (undefined while they are not valid). */
const buildMemo = new Map<ResolvedSpec, BuildResult>();
export function build(a: Answers): BuildResult | undefined {
  const r = validate(a);
  if (!r.ok) return undefined;
  let b = buildMemo.get(r.value);
  if (!b) {
    b = buildPolicies(r.value);
    if (buildMemo.size > 20) buildMemo.clear();
    buildMemo.set(r.value, b);
  }
  return b;
}
