import { didYouMean } from '../suggest.js';
import { arnMatch, wildcardMatch } from './wildcard.js';

/**
 * The condition operators of the IAM policy language
 * [reference_policies_elements_condition_operators], as data: each with the
 * positive comparison it is built on. Negated operators (StringNotEquals,
 * ArnNotLike, NotIpAddress, ...) are true when no policy value matches.
 */
export type OperatorFamily = 'String' | 'Numeric' | 'Date' | 'Bool' | 'Binary' | 'IpAddress' | 'Arn' | 'Null';

/** A comparison of one request value with one policy value; `undefined` when either cannot be read as the family's type. */
type Compare = (actual: string, expected: string) => boolean | undefined;

interface BaseOperator {
  readonly name: string;
  readonly family: OperatorFamily;
  readonly negated: boolean;
  readonly compare: Compare;
  /** Whether a policy value is readable as the family's type (a number for Numeric, ...). */
  readonly validValue: (expected: string) => boolean;
}

export interface ParsedOperator {
  /** As written in the policy. */
  readonly written: string;
  readonly set?: 'ForAnyValue' | 'ForAllValues';
  readonly base: BaseOperator;
  readonly ifExists: boolean;
}

const number = (s: string): number | undefined => {
  if (s.trim() === '') return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
};

/** Dates are ISO 8601 or a UNIX epoch time in seconds [condition operators, "Date"]. */
const date = (s: string): number | undefined => {
  if (/^-?\d+$/.test(s.trim())) return Number(s) * 1000;
  if (!/^\d{4}-\d{2}-\d{2}/.test(s.trim())) return undefined;
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : t;
};

const bool = (s: string): boolean | undefined => {
  const v = s.toLowerCase();
  return v === 'true' ? true : v === 'false' ? false : undefined;
};

function numeric(cmp: (a: number, b: number) => boolean, parse: (s: string) => number | undefined): Compare {
  return (actual, expected) => {
    const a = parse(actual);
    const b = parse(expected);
    return a === undefined || b === undefined ? undefined : cmp(a, b);
  };
}

/** IPv4 and IPv6 addresses and CIDR blocks as bit strings. */
function ipBits(text: string): string | undefined {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(text)) {
    const parts = text.split('.').map(Number);
    if (parts.some((p) => p > 255)) return undefined;
    return parts.map((p) => p.toString(2).padStart(8, '0')).join('');
  }
  if (!/^[0-9a-f:]+$/i.test(text) || !text.includes(':')) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 1 && missing !== 0) || missing < 0) return undefined;
  const groups = [...head, ...Array<string>(missing).fill('0'), ...tail];
  if (groups.some((g) => g.length === 0 || g.length > 4)) return undefined;
  return groups.map((g) => parseInt(g, 16).toString(2).padStart(16, '0')).join('');
}

const ipInRange: Compare = (actual, expected) => {
  const [net, lenText] = expected.split('/');
  const netBits = ipBits(net ?? '');
  const ip = ipBits(actual);
  if (!netBits || !ip) return undefined;
  const len = lenText === undefined ? netBits.length : Number(lenText);
  if (!Number.isInteger(len) || len < 0 || len > netBits.length) return undefined;
  return ip.length === netBits.length && ip.slice(0, len) === netBits.slice(0, len);
};

const boolEquals: Compare = (actual, expected) => {
  const a = bool(actual);
  const b = bool(expected);
  return a === undefined || b === undefined ? undefined : a === b;
};

const isArn = (s: string) => s === '*' || /^arn:[^:]*:[^:]*:[^:]*:[^:]*:.+/s.test(s);
const arnCompare: Compare = (actual, expected) => (isArn(expected) ? arnMatch(expected, actual) : undefined);

const VALID: Record<OperatorFamily, (expected: string) => boolean> = {
  String: () => true,
  Binary: () => true,
  Numeric: (e) => number(e) !== undefined,
  Date: (e) => date(e) !== undefined,
  Bool: (e) => bool(e) !== undefined,
  Null: (e) => bool(e) !== undefined,
  IpAddress: (e) => ipInRange(e.split('/')[0] ?? '', e) !== undefined,
  Arn: isArn,
};

const op = (name: string, family: OperatorFamily, compare: Compare, negated = false): BaseOperator => ({ name, family, negated, compare, validValue: VALID[family] });
const eq: Compare = (a, b) => a === b;
const eqi: Compare = (a, b) => a.toLowerCase() === b.toLowerCase();
const like: Compare = (a, b) => wildcardMatch(b, a);

const BASE_OPERATORS: readonly BaseOperator[] = [
  op('StringEquals', 'String', eq),
  op('StringNotEquals', 'String', eq, true),
  op('StringEqualsIgnoreCase', 'String', eqi),
  op('StringNotEqualsIgnoreCase', 'String', eqi, true),
  op('StringLike', 'String', like),
  op('StringNotLike', 'String', like, true),
  op('NumericEquals', 'Numeric', numeric((a, b) => a === b, number)),
  op('NumericNotEquals', 'Numeric', numeric((a, b) => a === b, number), true),
  op('NumericLessThan', 'Numeric', numeric((a, b) => a < b, number)),
  op('NumericLessThanEquals', 'Numeric', numeric((a, b) => a <= b, number)),
  op('NumericGreaterThan', 'Numeric', numeric((a, b) => a > b, number)),
  op('NumericGreaterThanEquals', 'Numeric', numeric((a, b) => a >= b, number)),
  op('DateEquals', 'Date', numeric((a, b) => a === b, date)),
  op('DateNotEquals', 'Date', numeric((a, b) => a === b, date), true),
  op('DateLessThan', 'Date', numeric((a, b) => a < b, date)),
  op('DateLessThanEquals', 'Date', numeric((a, b) => a <= b, date)),
  op('DateGreaterThan', 'Date', numeric((a, b) => a > b, date)),
  op('DateGreaterThanEquals', 'Date', numeric((a, b) => a >= b, date)),
  op('Bool', 'Bool', boolEquals),
  op('BinaryEquals', 'Binary', eq),
  op('IpAddress', 'IpAddress', ipInRange),
  op('NotIpAddress', 'IpAddress', ipInRange, true),
  // ArnEquals and ArnLike behave alike: per-part match, wildcards allowed in each part.
  op('ArnEquals', 'Arn', arnCompare),
  op('ArnLike', 'Arn', arnCompare),
  op('ArnNotEquals', 'Arn', arnCompare, true),
  op('ArnNotLike', 'Arn', arnCompare, true),
  op('Null', 'Null', boolEquals),
];

const byLowerName = new Map(BASE_OPERATORS.map((o) => [o.name.toLowerCase(), o]));

/** Every operator name a policy may use, for suggestions. */
export const OPERATOR_NAMES: readonly string[] = BASE_OPERATORS.map((o) => o.name);

/** Reads `[ForAnyValue:|ForAllValues:]<Operator>[IfExists]`; an unknown name gives a message with a suggestion. */
export function parseOperator(written: string): ParsedOperator | { error: string } {
  let rest = written;
  let set: ParsedOperator['set'];
  const prefix = /^(ForAnyValue|ForAllValues):/i.exec(rest);
  if (prefix) {
    set = prefix[1]!.toLowerCase() === 'foranyvalue' ? 'ForAnyValue' : 'ForAllValues';
    rest = rest.slice(prefix[0].length);
  }
  let ifExists = false;
  if (/IfExists$/i.test(rest)) {
    ifExists = true;
    rest = rest.slice(0, -'IfExists'.length);
  }
  const base = byLowerName.get(rest.toLowerCase());
  if (!base) {
    const guess = didYouMean(rest, OPERATOR_NAMES);
    return { error: `unknown condition operator "${written}"${guess ? ` (did you mean "${guess}"?)` : ''}: the condition can never be met` };
  }
  if (base.family === 'Null' && (ifExists || set)) {
    return { error: `"${written}" is not valid: Null takes neither IfExists nor a set prefix` };
  }
  return { written, ...(set ? { set } : {}), base, ifExists };
}
