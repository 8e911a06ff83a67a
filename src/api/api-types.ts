// The public types of the library API (import ... from 'kms-wizard'). They
// stand alone, so the published declarations are these two files only; the
// compiler checks that what the core returns fits them.

export type PolicyKind = 'key' | 'iam';
export type Severity = 'error' | 'warning' | 'info';
/** What a lint input is; detected from the content when not given. */
export type InputFormat = 'json' | 'terraform-plan' | 'cloudformation';

/** A key that does not exist yet (`generate --new-key`): its key policy needs no ARN. */
export interface NewKey {
  /** The 12-digit account the key will be created in. */
  account: string;
  /** The Region it will be created in (for a multi-Region key: the primary's). */
  region: string;
  multiRegion?: boolean;
}

/** What to build: the wizard's questions, one field each (the generate command's flags). */
export interface PolicySpec {
  /** The key's ARN (not an alias or key id); give either this or `newKey`. */
  keyArn?: string;
  /**
   * A key your program creates (give either this or `keyArn`): `keyPolicy` is
   * complete, `iamPolicies` is empty (an IAM policy names the key's ARN), and
   * `iamPlans[i].policyFor(arn)` builds each IAM policy once the ARN is known
   * (a CDK `key.keyArn` token works).
   */
  newKey?: NewKey;
  /** Key administrators (role/user ARNs); empty = the key's account root, admin actions only. */
  admins: string[];
  /** Role/user ARNs or 12-digit account ids that use the key; empty = the key's own account. */
  consumers: string[];
  /** iam: the key policy delegates to IAM policies; principals: names the consumers; account: names their accounts. */
  access: 'iam' | 'principals' | 'account';
  /** Catalog names (secretsmanager, ebs, cloudtrail, logs...) or full kms:ViaService values. */
  services: string[];
  /** ARNs that narrow the services acting as themselves (a trail, a log group...); default: the accounts' own resources. */
  sourceArns?: string[];
  /** Regions the services may use the key from; empty = the key's Region. */
  regions: string[];
  /** Overrides the services' default actions (kms:Decrypt or Decrypt). */
  actions?: string[];
}

/** A policy statement, as built. */
export interface Statement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Principal?: '*' | Record<string, string | string[]>;
  NotPrincipal?: '*' | Record<string, string | string[]>;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Condition?: Record<string, Record<string, string | number | boolean | (string | number | boolean)[]>>;
}

/** A key policy or IAM policy document. */
export interface PolicyDocument {
  Version: '2012-10-17';
  Id?: string;
  Statement: Statement[];
}

/** A problem with a spec field, or a warning about it. */
export interface SpecIssue {
  readonly field: string;
  readonly value?: string;
  readonly message: string;
  readonly hint?: string;
}

/** The key policy and the IAM policies that go with it. */
export interface BuiltPolicies {
  readonly keyPolicy: PolicyDocument;
  /** One per consumer account; empty when no IAM policy is needed, and for a new key (see `iamPlans`). */
  readonly iamPolicies: readonly { readonly account: string; readonly fileName: string; readonly policy: PolicyDocument; readonly attachTo: readonly string[] }[];
  /** Every IAM policy the pair needs, for an existing key or a new one: build each with `policyFor`. */
  readonly iamPlans: readonly IamPolicyPlan[];
  /** How the pair works, one paragraph each. */
  readonly explanation: readonly string[];
  readonly notes: readonly string[];
  readonly warnings: readonly SpecIssue[];
}

/** An IAM policy a consumer account needs, before the key's ARN is known. */
export interface IamPolicyPlan {
  readonly account: string;
  readonly fileName: string;
  /** The roles and users to attach it to (empty: whoever the account chooses). */
  readonly attachTo: readonly string[];
  /** The policy with `keyArn` as its Resource; for a multi-Region key, the ARN of each Region's key. */
  policyFor(keyArn: string | readonly string[]): PolicyDocument;
}

/** One lint finding. */
export interface Finding {
  /** Stable rule code, e.g. KW401. */
  code: string;
  severity: Severity;
  message: string;
  hint?: string;
  /** JSON pointer of the value inside the policy document. */
  pointer: string;
  /** 1-based line and column in the file (for a template or plan: in the template itself). */
  line: number;
  column: number;
  file?: string;
}

/** The findings for one policy. */
export interface LintResult {
  /** The input's name (the file). */
  readonly name: string;
  /** For a template or plan: the resource (Terraform address, CloudFormation logical id). */
  readonly resource?: string;
  /** Undefined when the input is not a policy at all. */
  readonly kind: PolicyKind | undefined;
  readonly findings: Finding[];
}

/** A policy to lint: its JSON text or the document itself. */
export interface PolicyInput {
  /** Shown in findings; default "policy-1", "policy-2"... */
  name?: string;
  policy: string | object;
  /** Forces key or IAM policy; detected from Principal otherwise. */
  type?: PolicyKind;
}

export interface LintOptions {
  /** The key's ARN: IAM Resource elements are checked against it. */
  keyArn?: string;
}

/**
 * A KMS call to evaluate against policies. evaluate() and explain() take each
 * policy as a document or as JSON text; text that is not JSON throws
 * PolicyJsonError (exported beside them), whose `finding` is the
 * {@link Finding} (code KW001, line and column) the CLI prints for it.
 */
export interface KmsRequest {
  /** The caller's ARN: account root, user, role or assumed-role session. */
  principal: string;
  /** e.g. kms:Decrypt */
  action: string;
  keyArn: string;
  /** The service endpoint the call came through (secretsmanager.us-east-1.amazonaws.com); absent = a direct call. */
  viaService?: string;
  encryptionContext?: Record<string, string>;
  /** Other condition keys, e.g. kms:GrantIsForAWSResource. */
  context?: Record<string, string | string[] | boolean>;
}

/** The answer for one request. */
export interface Decision {
  readonly decision: 'Allow' | 'ImplicitDeny' | 'ExplicitDeny';
  /** One sentence: what allowed or blocked the call and why. */
  readonly summary: string;
  readonly crossAccount: boolean;
  readonly notes: readonly string[];
}

/** A policy in plain language. */
export interface PolicyExplanation {
  readonly kind: PolicyKind;
  readonly statements: readonly { readonly index: number; readonly sid?: string; readonly effect?: 'Allow' | 'Deny'; readonly text: string; readonly notAllowed: readonly string[]; readonly problems: readonly string[] }[];
  readonly summary: string;
}

/** One AWS CLI export for {@link whoCan}: a name for messages (a file name) and the text the CLI printed. */
export interface ExportFile {
  name: string;
  text: string;
}

/** The read-only AWS CLI exports `whoCan` answers from (the who-can command's flags). */
export interface WhoCanExports {
  keyArn: string;
  /** aws kms get-key-policy output, or the bare key policy. */
  keyPolicy: ExportFile;
  /** aws iam get-account-authorization-details, one per account. */
  accountDetails?: ExportFile[];
  /** aws kms list-grants output. */
  grants?: ExportFile;
  /** SCPs, one file per level of the organization (root, OUs, account). */
  scps?: ExportFile[];
  /** RCPs, one file per level. */
  rcps?: ExportFile[];
  /** aws kms describe-key output. */
  describeKey?: ExportFile;
  /** Only these actions (default: every action the key's spec allows). */
  actions?: string[];
  /** The organization's management account: SCPs and RCPs do not apply to it. */
  managementAccount?: string;
}

/** One thing a principal can do with the key, and how. */
export interface WhoCanAccess {
  /** An IAM ARN, a service principal, or `*`. */
  readonly principal: string;
  readonly action: string;
  readonly via: 'direct' | 'service' | 'grant';
  /** For `service`: the kms:ViaService values it works through. */
  readonly services?: readonly string[];
  readonly grantId?: string;
  /** Condition keys the answer depends on that cannot be known offline. */
  readonly conditions: readonly string[];
  /** Its account's exports were not given: its own IAM policies are unknown. */
  readonly external: boolean;
  readonly path: readonly string[];
}

/** A way to change who may use the key. */
export interface WhoCanTakeover {
  readonly principal: string;
  readonly action: string;
  readonly path: readonly string[];
}

export interface WhoCanAnswer {
  readonly key: string;
  readonly access: readonly WhoCanAccess[];
  readonly takeover: readonly WhoCanTakeover[];
  readonly notes: readonly string[];
}
