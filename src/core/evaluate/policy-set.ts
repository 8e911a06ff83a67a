// The policies that decide a request, as given and as read: shared by both
// modes of the evaluator (index.ts builds the trace, decide.ts the decision
// alone), so neither imports the other for them.
import { readPolicyDocument, type PolicyDocumentView } from './policy-document.js';

/** The answer to a request: an allow, or which kind of deny. */
export type DecisionKind = 'Allow' | 'ImplicitDeny' | 'ExplicitDeny';

/** The policies that decide a request: the key's policy and the identity policies attached to the caller. */
export interface PolicySet {
  keyPolicy: unknown;
  iamPolicies: unknown[];
  /** Names for the IAM policies in traces and sentences (file names); default "IAM policy 1", ... */
  iamPolicyNames?: string[];
}

/** A policy set with its documents already read (the access matrix reads them once for all its rows). */
export interface ReadPolicySet {
  readonly key: PolicyDocumentView;
  readonly iam: readonly PolicyDocumentView[];
  readonly iamNames: readonly string[];
}

export function readPolicySet(policies: PolicySet): ReadPolicySet {
  const set = (typeof policies === 'object' && policies !== null ? policies : {}) as Partial<PolicySet>;
  const iamDocs = Array.isArray(set.iamPolicies) ? set.iamPolicies : [];
  const names = Array.isArray(set.iamPolicyNames) ? set.iamPolicyNames : [];
  return {
    key: readPolicyDocument(set.keyPolicy),
    iam: iamDocs.map(readPolicyDocument),
    iamNames: iamDocs.map((_, i) => (typeof names[i] === 'string' && names[i] ? names[i]! : `IAM policy ${i + 1}`)),
  };
}
