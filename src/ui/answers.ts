/**
 * The wizard's answers and how they are checked: always through the same
 * validateSpec() that `generate` uses, so a value the wizard accepts is a
 * value `generate` accepts, with the same messages.
 */
import { parseKeyArn } from '../core/arn.js';
import { buildPolicies } from '../core/build.js';
import type { BuildResult } from '../core/build-types.js';
import { validateSpec, type PolicySpec, type ResolvedSpec } from '../core/spec.js';
import type { SpecField, SpecIssue } from '../core/spec-types.js';
import type { Result } from '../core/result.js';
import { mergedWithCurrent } from './current-policy.js';
import type { Answers } from './answer-types.js';

export const EMPTY_ANSWERS: Answers = { start: 'existing', newKey: { account: '', region: '', multiRegion: false }, keyArn: '', admins: [], consumers: [], access: 'iam', services: [] };

/** The key's Region: from its ARN, or where the new key will be created ('' while not known). */
export function keyRegionOf(a: Answers): string {
  if (a.start === 'new') return a.newKey.region;
  const k = parseKeyArn(a.keyArn);
  return k.ok ? k.value.region : '';
}

/** The PolicySpec these answers give: the one `generate` builds from the equivalent flags. */
export function toSpec(a: Answers): PolicySpec {
  return {
    ...(a.start === 'new' ? { newKey: { ...a.newKey } } : { keyArn: a.keyArn }),
    admins: [...a.admins],
    consumers: [...a.consumers],
    access: a.access,
    services: [...a.services],
    regions: [...(a.regions ?? [])],
    ...(a.actions && a.actions.length > 0 ? { actions: [...a.actions] } : {}),
    ...(a.sourceArns && a.sourceArns.length > 0 ? { sourceArns: [...a.sourceArns] } : {}),
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

const FIELD_ORDER: readonly SpecField[] = ['keyArn', 'account', 'keyRegion', 'admins', 'access', 'consumers', 'services', 'sourceArns', 'regions', 'actions'];

/**
 * The answers as far as `field`, later questions at their defaults and a
 * stand-in service while none is chosen: validateSpec reports warnings only
 * for a spec without errors, and later steps are not answered yet.
 */
function asFarAs(a: Answers, field: SpecField): Answers {
  const after = (f: SpecField) => FIELD_ORDER.indexOf(f) > FIELD_ORDER.indexOf(field);
  return {
    start: a.start,
    newKey: a.newKey,
    ...(a.current ? { current: a.current } : {}),
    keyArn: a.keyArn,
    admins: after('admins') ? [] : a.admins,
    access: after('access') ? 'iam' : a.access,
    consumers: after('consumers') ? [] : a.consumers,
    services: after('services') || a.services.length === 0 ? ['s3'] : a.services,
    ...(after('regions') || !a.regions ? {} : { regions: a.regions }),
    ...(after('actions') || !a.actions ? {} : { actions: a.actions }),
    ...(after('sourceArns') || !a.sourceArns ? {} : { sourceArns: a.sourceArns }),
  };
}

/** The warnings about a field, from the answers up to its step. */
export function warningsFor(a: Answers, field: SpecField): SpecIssue[] {
  const r = validate(asFarAs(a, field));
  return r.ok ? r.value.warnings.filter((i) => i.field === field) : [];
}

/** Checks one typed value of a list field as it would be checked in the full spec. */
export function checkValue(a: Answers, field: 'admins' | 'consumers' | 'services' | 'regions' | 'actions' | 'sourceArns', value: string): { errors: SpecIssue[]; warnings: SpecIssue[] } {
  const v = value.trim();
  const trial: Answers = { ...a, [field]: [v] };
  const r = validate(trial);
  const mine = (i: SpecIssue) => i.field === field && (i.value === undefined || i.value.toLowerCase() === v.toLowerCase());
  const errors = r.ok ? [] : r.error.filter(mine);
  return { errors, warnings: errors.length ? [] : warningsFor(trial, field).filter(mine) };
}

/** Splits what was typed into a list field: commas and spaces separate values. */
export const splitValues = (text: string): string[] => text.split(/[\s,]+/).map((v) => v.trim()).filter(Boolean);

/** The policies the answers alone give (undefined while they are not valid). */
const buildMemo = new Map<ResolvedSpec, BuildResult>();
export function buildFromAnswers(a: Answers): BuildResult | undefined {
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

/**
 * The policies to write (undefined while the answers are not valid): starting
 * from the key's current policy, its kept statements merged in as
 * `generate --from` merges them.
 */
export function build(a: Answers): BuildResult | undefined {
  const b = buildFromAnswers(a);
  if (!b || a.start !== 'current') return b;
  const merged = mergedWithCurrent(a, b);
  return merged?.ok ? merged.value.result : undefined;
}

/** Why valid answers still give no policies: the merge with the current policy failed (a Sid kept twice). */
export function mergeProblems(a: Answers): readonly string[] {
  const b = buildFromAnswers(a);
  if (!b || a.start !== 'current') return [];
  const merged = mergedWithCurrent(a, b);
  return merged && !merged.ok ? merged.error : [];
}
