import { parseOperator, type ParsedOperator } from './condition-operators.js';
import { isPlainObject, preview } from './policy-document.js';
import { resolveVariables, stripLiteralMarks } from './policy-variables.js';
import type { ContextEntry, RequestContext } from './request-context.js';
import type { ConditionCheck } from './trace.js';

export interface ConditionsResult {
  readonly passed: boolean;
  readonly checks: readonly ConditionCheck[];
}

const quote = (xs: readonly string[]) => (xs.length === 1 ? JSON.stringify(xs[0]) : `[${xs.map((x) => JSON.stringify(x)).join(', ')}]`);

/** Why a key is missing, in words: for kms:ViaService that means a direct call. */
function absentReason(key: string): string {
  const k = key.toLowerCase();
  if (k === 'kms:viaservice') return 'kms:ViaService is absent: the call came directly, not through an AWS service';
  if (k.startsWith('kms:encryptioncontext:')) return `the request has no encryption context pair "${key.slice('kms:EncryptionContext:'.length)}"`;
  if (k === 'kms:encryptioncontextkeys') return 'the request has no encryption context';
  return `${key} is not in the request`;
}

/** Reads a condition's values: one or many strings, numbers or booleans. */
function policyValues(raw: unknown): string[] | undefined {
  const items = Array.isArray(raw) ? raw : [raw];
  const out: string[] = [];
  for (const item of items) {
    if (typeof item === 'string') out.push(item);
    else if (typeof item === 'number' || typeof item === 'boolean') out.push(String(item));
    else return undefined;
  }
  return out.length > 0 ? out : undefined;
}

function check(operator: string, key: string, expected: readonly string[], actual: readonly string[] | undefined, passed: boolean, reason: string): ConditionCheck {
  return { operator, key, expected, actual, passed, reason };
}

/** Receives one condition test's outcome: the decision mode keeps `passed`, the trace builds the check. */
type Emit<R> = (passed: boolean, build: () => ConditionCheck) => R;
const keepPassed: Emit<boolean> = (passed) => passed;
const buildCheck: Emit<ConditionCheck> = (_, build) => build();

/**
 * One operator + key against the request, following the documented rules
 * [reference_policies_elements_condition_operators; reference_policies_condition-single-vs-multi-valued-context-keys]:
 * a missing key fails a positive operator and passes a negated one;
 * `...IfExists` passes when the key is missing; `ForAllValues:` passes when
 * the key is missing; several policy values are ORed (NOR for negated operators).
 */
function evaluateKey<R>(op: ParsedOperator, key: string, rawValues: unknown, entry: ContextEntry | undefined, variables: boolean, lookup: (k: string) => ContextEntry | undefined, emit: Emit<R>): R {
  const written = policyValues(rawValues);
  const actual = entry && entry.values.length > 0 ? entry.values : undefined;
  // The outcome is decided here once; `emit` gets it and, for the trace, a way to build the check.
  const outcome = (expected: () => readonly string[], passed: boolean, reason: () => string) =>
    emit(passed, () => ({ operator: op.written, key, expected: expected(), actual, passed, reason: reason() }));
  if (!written) {
    return outcome(() => [], false, () => `the value ${preview(rawValues)} is not a string, number, boolean or a list of them: the condition can never be met`);
  }
  const { base } = op;

  if (base.family === 'Null') {
    const want = actual === undefined ? 'true' : 'false';
    const bad = written.find((w) => !base.validValue(w));
    if (bad !== undefined) return outcome(() => written, false, () => `Null takes "true" or "false", not ${JSON.stringify(bad)}`);
    const passed = written.some((w) => w.toLowerCase() === want);
    const state = actual === undefined ? absentReason(key) : `${key} is present`;
    return outcome(() => written, passed, () => `${state}; Null ${quote(written)} ${passed ? 'accepts' : 'rejects'} that`);
  }

  // Variables work in string and ARN values of 2012-10-17 documents.
  const usesVariables = variables && (base.family === 'String' || base.family === 'Arn');
  const expected = written.map((w) => (usesVariables ? resolveVariables(w, lookup) : w));
  const plain = (e: string) => (base.name.endsWith('Like') || base.family === 'Arn' ? e : stripLiteralMarks(e));
  // What the trace shows as the policy's values; built only when a check is.
  let shownValues: string[] | undefined;
  const shown = () => (shownValues ??= expected.map((e, i) => (e === undefined ? written[i]! : stripLiteralMarks(e))));

  for (let i = 0; i < expected.length; i++) {
    const e = expected[i];
    if (e === undefined) continue;
    if (!base.validValue(plain(e))) {
      return outcome(shown, false, () => `${JSON.stringify(written[i])} is not a valid ${base.family} value for ${base.name}: the condition can never be met`);
    }
  }

  if (actual === undefined) {
    if (op.set === 'ForAllValues') return outcome(shown, true, () => `${absentReason(key)}; ForAllValues: is true when the request has no values for the key`);
    if (op.ifExists) return outcome(shown, true, () => `${absentReason(key)}; ...IfExists passes when the key is missing`);
    if (op.set === 'ForAnyValue') return outcome(shown, false, () => `${absentReason(key)}; ForAnyValue: needs at least one value`);
    if (base.negated) return outcome(shown, true, () => `${absentReason(key)}; a negated operator (${base.name}) is true when the key is missing`);
    return outcome(shown, false, () => absentReason(key));
  }

  let unreadable: string | undefined;
  const matchesOne = (value: string): boolean => {
    const positive = expected.some((e) => {
      if (e === undefined) return false; // an unresolved variable matches nothing
      const r = base.compare(value, plain(e));
      if (r === undefined) unreadable = value;
      return r === true;
    });
    return base.negated ? !positive : positive;
  };

  if (!op.set) {
    if (entry!.multi && actual.length > 1) {
      return outcome(shown, false, () => `${key} has several values (${quote(actual)}); a multivalued key needs ForAnyValue: or ForAllValues:, so this condition is treated as not met`);
    }
    const passed = matchesOne(actual[0]!);
    if (unreadable !== undefined) return outcome(shown, false, () => `the request value ${JSON.stringify(unreadable)} is not a valid ${base.family} value`);
    return outcome(shown, passed, () => describe(base.name, base.negated, key, actual, shown(), passed));
  }
  const results = actual.map(matchesOne);
  if (unreadable !== undefined) return outcome(shown, false, () => `the request value ${JSON.stringify(unreadable)} is not a valid ${base.family} value`);
  const passed = op.set === 'ForAnyValue' ? results.some(Boolean) : results.every(Boolean);
  const setWord = op.set === 'ForAnyValue' ? 'at least one request value' : 'every request value';
  return outcome(shown, passed, () => `${key} is ${quote(actual)}; ${op.set}: needs ${setWord} to satisfy ${base.name} ${quote(shown())}: ${passed ? 'it does' : 'it does not'}`);
}

function describe(name: string, negated: boolean, key: string, actual: readonly string[], expected: readonly string[], passed: boolean): string {
  const is = `${key} is ${quote(actual)}`;
  if (negated) return passed ? `${is}, not among ${quote(expected)}` : `${is}, which ${name} ${quote(expected)} excludes`;
  return passed ? `${is}, which ${name} ${quote(expected)} accepts` : `${is}; ${name} needs ${quote(expected)}`;
}

/**
 * Evaluates a statement's Condition element: every operator and every key
 * must pass (AND) [reference_policies_condition-logic-multiple-context-keys-or-values].
 * Anything malformed fails, with the reason in its check.
 */
export function evaluateConditions(raw: unknown, ctx: RequestContext, variables: boolean): ConditionsResult {
  if (raw === undefined) return { passed: true, checks: [] };
  if (!isPlainObject(raw)) return { passed: false, checks: [check('Condition', '', [], undefined, false, `Condition ${preview(raw)} is not an object: the statement can never apply`)] };
  const lookup = (k: string) => ctx.values.get(k.toLowerCase());
  const checks: ConditionCheck[] = [];
  for (const [operator, block] of Object.entries(raw)) {
    const op = parseOperator(operator);
    if ('error' in op) {
      checks.push(check(operator, '', [], undefined, false, op.error));
      continue;
    }
    if (!isPlainObject(block) || Object.keys(block).length === 0) {
      checks.push(check(operator, '', [], undefined, false, `${operator} holds ${preview(block)}, not an object of condition keys and values`));
      continue;
    }
    for (const [key, values] of Object.entries(block)) {
      checks.push(evaluateKey(op, key, values, lookup(key), variables, lookup, buildCheck));
    }
  }
  return { passed: checks.every((c) => c.passed), checks };
}

/**
 * The decision mode of {@link evaluateConditions}: whether every condition
 * passes, with no check or reason built. Same evaluateKey, same rules.
 */
export function conditionsPass(raw: unknown, ctx: RequestContext, variables: boolean): boolean {
  if (raw === undefined) return true;
  if (!isPlainObject(raw)) return false;
  const lookup = (k: string) => ctx.values.get(k.toLowerCase());
  for (const operator in raw) {
    if (!Object.hasOwn(raw, operator)) continue;
    const op = parseOperator(operator);
    const block = raw[operator];
    if ('error' in op || !isPlainObject(block)) return false;
    let keys = 0;
    for (const key in block) {
      if (!Object.hasOwn(block, key)) continue;
      keys++;
      if (!evaluateKey(op, key, block[key], lookup(key), variables, lookup, keepPassed)) return false;
    }
    if (keys === 0) return false;
  }
  return true;
}
