import { validateSpec, type PolicySpec } from '../../src/core/spec.js';

/** validateSpec on `base` with some answers changed: the issues it reports, or the resolved spec (throwing on issues). */
export function specChecks(base: PolicySpec) {
  const check = (patch: Partial<PolicySpec>) => validateSpec({ ...base, ...patch });
  return {
    errors(patch: Partial<PolicySpec>) {
      const r = check(patch);
      return r.ok ? [] : r.error;
    },
    resolved(patch: Partial<PolicySpec>) {
      const r = check(patch);
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      return r.value;
    },
  };
}
