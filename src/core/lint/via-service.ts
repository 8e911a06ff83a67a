// Reading kms:ViaService values: <service>.<region>.amazonaws.com
// ("AWS KMS condition keys", https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html, kms:ViaService).
import { isAccountId } from '../arn.js';
import { REGION_PATTERN } from '../catalog/regions.js';
import { sameKey } from './conditions.js';
import type { Located } from './json-tree.js';
import type { StatementModel } from './model.js';

export type ViaServiceShape =
  | { kind: 'ok'; service: string; region: string }
  /** A StringLike pattern: only its suffix can be checked. */
  | { kind: 'pattern' }
  | { kind: 'bad'; problem: string; fix: string };

const SUFFIX = '.amazonaws.com';
const EXAMPLE = 'secretsmanager.us-east-1.amazonaws.com';

const shapes = new Map<string, ViaServiceShape>();

/** Checks the form of one kms:ViaService value (four rules ask; computed once per value). */
export function viaServiceShape(value: string): ViaServiceShape {
  let shape = shapes.get(value);
  if (!shape) shapes.set(value, (shape = computeShape(value)));
  return shape;
}

function computeShape(value: string): ViaServiceShape {
  if (value.toLowerCase().endsWith('.amazonaws.com.cn')) {
    return {
      kind: 'bad',
      problem: 'ends in ".amazonaws.com.cn", but KMS uses the ".amazonaws.com" suffix in every partition, China included',
      fix: value.slice(0, -3),
    };
  }
  if (value.includes('*') || value.includes('?')) return { kind: 'pattern' };
  if (value !== value.toLowerCase()) {
    return { kind: 'bad', problem: 'has upper-case letters; ViaService values are lower case and StringEquals compares case-sensitively', fix: value.toLowerCase() };
  }
  if (!value.endsWith(SUFFIX)) {
    return { kind: 'bad', problem: `does not end in "${SUFFIX}"`, fix: EXAMPLE };
  }
  const parts = value.slice(0, -SUFFIX.length).split('.');
  if (parts.length === 1) {
    return { kind: 'bad', problem: 'has no Region, so it never matches (the Region is part of the value)', fix: `${parts[0]}.us-east-1${SUFFIX}` };
  }
  if (parts.length !== 2 || !parts[0]) {
    return { kind: 'bad', problem: 'is not of the form <service>.<region>.amazonaws.com', fix: EXAMPLE };
  }
  const [service, region] = parts as [string, string];
  if (isAccountId(region)) {
    return { kind: 'bad', problem: `has an account id where the Region belongs, so it never matches`, fix: `${service}.us-east-1${SUFFIX}` };
  }
  if (!REGION_PATTERN.test(region)) {
    return { kind: 'bad', problem: `has "${region}" where a Region code (such as us-east-1) belongs, so it never matches`, fix: `${service}.us-east-1${SUFFIX}` };
  }
  return { kind: 'ok', service, region };
}

/** Every string value given for kms:ViaService in a statement, under any operator except Null. */
export function viaServiceValues(s: StatementModel): Located<string>[] {
  return s.conditions
    .filter((c) => sameKey(c.key, 'kms:ViaService') && c.op?.base !== 'Null')
    .flatMap((c) => c.values.filter((v): v is Located<string> => typeof v.value === 'string'));
}
