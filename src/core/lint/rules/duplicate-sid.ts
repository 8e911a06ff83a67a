import type { PolicyModel } from '../model.js';
import type { DocumentRule, Report } from '../types.js';

/** Every statement whose Sid repeats an earlier one. */
export function reportDuplicateSids(doc: PolicyModel, report: Report, message: (sid: string, first: number) => string) {
  const seen = new Map<string, number>();
  for (const s of doc.statements) {
    if (s.sid === undefined || s.sid === '') continue;
    const first = seen.get(s.sid);
    if (first === undefined) seen.set(s.sid, s.index);
    else report(s.elements.get('Sid')!.loc, message(s.sid, first));
  }
}

/** In IAM the Sid must be unique within a policy [IAM User Guide: reference_policies_elements_sid]. */
export const duplicateSid: DocumentRule = {
  code: 'KW111',
  name: 'duplicate-sid',
  severity: 'error',
  title: 'Duplicate Sid in an IAM policy',
  appliesTo: 'iam',
  check(doc, report) {
    reportDuplicateSids(doc, report, (sid, first) => `Sid "${sid}" is already used by statement ${first + 1}; IAM requires unique Sids in a policy. Rename one of them.`);
  },
};
