// Each policy document is read and indexed once, however many principals it
// is attached to: what KMS actions it can reach on this key and which IAM
// writes it can reach at all. A principal whose documents reach nothing is
// never evaluated, which is what keeps a 10,000-role account fast.
import { KMS_ACTIONS } from '../catalog/actions.js';
import type { SourcedDocument } from './model.js';
import { callerDependence, reach, readDocument, viaServiceValues, type CallerDependence, type DocumentReach, type ReadDocument } from './policy-decision.js';
import { IAM_WRITE_ACTIONS } from './takeover-actions.js';

export interface IndexedDocument {
  readonly read: ReadDocument;
  /** KMS actions on the key. */
  readonly kms: DocumentReach;
  /** IAM write actions on any resource. */
  readonly iam: DocumentReach;
  /** kms:ViaService values its conditions name. */
  readonly via: readonly string[];
  /** Numbers each document read in a run: callers with the same documents share answers (see evaluateSubject). */
  readonly id: number;
  /** Whether its answer depends on the caller's ARN or tags. */
  readonly dependence: CallerDependence;
}

export class DocumentIndex {
  // By document, then by label: a managed policy reads the same for every principal it is attached to.
  private readonly byObject = new WeakMap<object, Map<string, IndexedDocument>>();
  private count = 0;
  constructor(
    private readonly keyArn: string,
    private readonly region: string,
  ) {}

  get(source: SourcedDocument): IndexedDocument {
    let labels = this.byObject.get(source.document);
    if (!labels) this.byObject.set(source.document, (labels = new Map()));
    let found = labels.get(source.label);
    if (!found) {
      const read = readDocument(source.label, source.document);
      found = { read, kms: reach(read, this.keyArn, KMS_ACTIONS), iam: reach(read, undefined, IAM_WRITE_ACTIONS), via: viaServiceValues(read, this.region), id: this.count++, dependence: callerDependence(read) };
      labels.set(source.label, found);
    }
    return found;
  }
}
