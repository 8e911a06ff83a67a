// What the readers make of the exports: plain data the engine walks.

/** A policy document with where it came from, for the access path ("role inline policy 'app-kms'"). */
export interface SourcedDocument {
  /** One line naming the policy, e.g. `role inline policy 'app-kms'` or `managed policy 'PowerUserAccess'`. */
  readonly label: string;
  readonly document: Record<string, unknown>;
}

/** A customer or AWS managed policy: only its default version is in force. */
export interface ManagedPolicy {
  readonly arn: string;
  readonly name: string;
  readonly document: Record<string, unknown>;
}

/** An IAM user or role from get-account-authorization-details. */
export interface IamPrincipal {
  readonly kind: 'user' | 'role';
  readonly arn: string;
  readonly name: string;
  readonly account: string;
  readonly path: string;
  /** Tags of the user or role, which are its aws:PrincipalTag values. */
  readonly tags: Readonly<Record<string, string>>;
  readonly inline: readonly SourcedDocument[];
  readonly managedArns: readonly string[];
  /** Group names (users only). */
  readonly groups: readonly string[];
  readonly boundaryArn?: string;
  /** A service-linked role (path /aws-service-role/): SCPs do not apply to it. */
  readonly serviceLinked: boolean;
  /** For roles: the trust policy. */
  readonly trustPolicy?: Record<string, unknown>;
}

export interface IamGroup {
  readonly name: string;
  readonly arn: string;
  readonly inline: readonly SourcedDocument[];
  readonly managedArns: readonly string[];
}

/** One account's get-account-authorization-details, every page merged. */
export interface AccountExport {
  readonly file: string;
  readonly account: string;
  readonly partition: string;
  readonly users: readonly IamPrincipal[];
  readonly roles: readonly IamPrincipal[];
  readonly groups: ReadonlyMap<string, IamGroup>;
  readonly policies: ReadonlyMap<string, ManagedPolicy>;
  /** What the reader noticed and the answer should say. */
  readonly notes: readonly string[];
}

/** One grant from list-grants. */
export interface KeyGrant {
  readonly grantId: string;
  readonly name?: string;
  readonly granteePrincipal: string;
  readonly retiringPrincipal?: string;
  /** `kms:`-prefixed operation names. */
  readonly operations: readonly string[];
  /** The encryption context the grant's use needs: Subset (these pairs at least) or Equals (exactly these). */
  readonly constraint?: { readonly kind: 'EncryptionContextSubset' | 'EncryptionContextEquals'; readonly pairs: Readonly<Record<string, string>> };
}

/** One level of the organization (root, an OU, the account): the SCPs or RCPs attached to it. */
export interface OrgPolicyLevel {
  readonly file: string;
  readonly policies: readonly SourcedDocument[];
  /** The organization's id, when a describe-policy output's PolicySummary.Arn names it. */
  readonly orgId?: string;
}

/** What describe-key says about the key. */
export interface KeyDescription {
  readonly arn: string;
  readonly keySpec: string;
  readonly keyUsage: string;
  readonly keyManager: 'AWS' | 'CUSTOMER';
  readonly multiRegion: boolean;
  readonly origin?: string;
}
