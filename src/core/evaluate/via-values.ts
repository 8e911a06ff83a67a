import { parseOperator } from './condition-operators.js';
import { isPlainObject, readPolicyDocument } from './policy-document.js';

/** A `kms:ViaService` value split into its parts: `<service>.<region>.amazonaws.com`. */
export interface ViaValue {
  readonly value: string;
  readonly service: string;
  readonly region: string;
}

const VIA = /^([a-z0-9][a-z0-9-]*)\.([a-z0-9-]+)\.amazonaws\.com$/;

export function parseViaValue(value: string): ViaValue | undefined {
  const m = VIA.exec(value);
  return m ? { value, service: m[1]!, region: m[2]! } : undefined;
}

/**
 * The ViaService values the Allow statements of some documents accept (under
 * positive operators), in order of appearance. A `*` in the Region slot of a
 * StringLike value stands for `fallbackRegion`; other wildcards are skipped,
 * since no single request stands for them.
 */
export function allowedViaValues(docs: readonly unknown[], fallbackRegion: string): ViaValue[] {
  const out = new Map<string, ViaValue>();
  for (const doc of docs) {
    for (const stmt of readPolicyDocument(doc).statements) {
      if (stmt.effect !== 'Allow' || !isPlainObject(stmt.condition)) continue;
      for (const [operator, block] of Object.entries(stmt.condition)) {
        const op = parseOperator(operator);
        if ('error' in op || op.base.negated || op.base.family !== 'String' || !isPlainObject(block)) continue;
        for (const [key, raw] of Object.entries(block)) {
          if (key.toLowerCase() !== 'kms:viaservice') continue;
          for (const v of Array.isArray(raw) ? raw : [raw]) {
            if (typeof v !== 'string') continue;
            const concrete = op.base.name === 'StringLike' ? v.replace(/^([^.*?]+)\.\*\./, `$1.${fallbackRegion}.`) : v;
            const parsed = parseViaValue(op.base.name.includes('IgnoreCase') ? concrete.toLowerCase() : concrete);
            if (parsed && !out.has(parsed.value)) out.set(parsed.value, parsed);
          }
        }
      }
    }
  }
  return [...out.values()];
}
