// The answer of who-can, in the shape `--json` prints (issue 19).

/** One thing one principal can do with the key, and how. */
export interface AccessEntry {
  /** An IAM ARN, a service principal, or `*`. */
  readonly principal: string;
  readonly action: string;
  /** direct: no kms:ViaService; service: only through `services`; grant: through grant `grantId`. */
  readonly via: 'direct' | 'service' | 'grant';
  readonly services?: readonly string[];
  readonly grantId?: string;
  /** Condition keys the answer depends on that cannot be known offline (encryption context, source IP, MFA, ...). */
  readonly conditions: readonly string[];
  /** The principal's account exports were not given: only the key side is known. */
  readonly external: boolean;
  /** The policies and statements that allow it, in the order AWS needs them. */
  readonly path: readonly string[];
}

/** A way to change who may use the key. */
export interface TakeoverEntry {
  readonly principal: string;
  /** kms:PutKeyPolicy, kms:CreateGrant, kms:ReplicateKey or an iam: write. */
  readonly action: string;
  readonly path: readonly string[];
}

export interface WhoCanResult {
  readonly key: string;
  readonly access: readonly AccessEntry[];
  readonly takeover: readonly TakeoverEntry[];
  /** What was assumed or left out (no SCPs given, tags of sessions, ...). */
  readonly notes: readonly string[];
}
