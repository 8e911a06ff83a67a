// What one who-can run works with: the setting (the key, its policy, the
// organization's guards, the documents read), each subject that asks, and an
// outcome. engine.ts builds them and takeover.ts reads them, so they live
// here rather than in engine.ts, which imports takeover.ts. Types only.
import type { DocumentIndex, IndexedDocument } from './document-index.js';
import type { AccountExport } from './model.js';
import type { CallerDependence, PrincipalReach, ReadDocument } from './policy-decision.js';

/** Who asks: a principal from the exports, an account root, a service, someone outside, or anyone. */
export interface Subject {
  readonly arn: string;
  /**
   * The ARN its requests carry, when not `arn`: a role never calls AWS itself, one of its sessions
   * does ("IAM role session": "the principal making the request is the IAM role session ARN and
   * not the ARN of the role itself", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html).
   */
  readonly caller?: string;
  readonly kind: 'user' | 'role' | 'root' | 'service' | 'external' | 'anyone';
  readonly account?: string;
  /** Its account's exports were given. */
  readonly given: boolean;
  readonly identity: readonly IndexedDocument[];
  readonly boundary?: IndexedDocument;
  readonly scpApplies: boolean;
  /** For a role session the key policy names: the statements that name it, which grant to it directly. */
  readonly directLabels?: ReadonlySet<string>;
  /** A service-linked role: neither SCPs nor RCPs apply to its calls. */
  readonly serviceLinked?: boolean;
  readonly context: Readonly<Record<string, string>>;
  readonly knownPrefixes: readonly string[];
  readonly unknownKeys?: ReadonlySet<string>;
}

export interface Outcome {
  readonly conditions: readonly string[];
  readonly path: readonly string[];
}

/** What one run knows: the key, its policy, the organization's guards, the documents read. */
export interface Setting {
  readonly keyArn: string;
  readonly keyAccount: string;
  readonly partition: string;
  readonly region: string;
  readonly multiRegion: boolean;
  readonly actions: readonly string[];
  readonly keyDoc: ReadDocument;
  readonly keyReach: ReadonlySet<string>;
  /** The actions the key policy gives anyone, and each principal it names, without IAM. */
  readonly keyNames: PrincipalReach;
  readonly keyVia: readonly string[];
  /** The kms:ViaService values the SCPs and RCPs name: a Deny unless through a service leaves access through it. */
  readonly orgVia: readonly string[];
  /** The organization's id, read from the SCPs' or RCPs' ARNs: aws:PrincipalOrgID of the accounts given. */
  readonly orgId?: string;
  readonly scp: readonly (readonly ReadDocument[])[];
  readonly rcp: readonly ReadDocument[];
  readonly rcpApplies: boolean;
  readonly managementAccount?: string;
  readonly index: DocumentIndex;
  readonly accounts: ReadonlyMap<string, AccountExport>;
  /** Whether the key policy's and RCPs' answers depend on the caller's ARN or tags (see callerDependence). */
  readonly dependence: CallerDependence;
  /** The same of the SCPs. */
  readonly scpDependence: CallerDependence;
  /** Outcomes of callers that documents independent of their ARN decide, by class (see evaluateSubject). */
  readonly classOutcomes: Map<string, Outcome | undefined>;
}
