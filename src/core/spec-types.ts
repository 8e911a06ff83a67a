// The vocabulary of a spec that validateSpec and its resolvers share (the key
// target, the key material, the services acting as themselves): which field
// an issue is about, and the resolved pieces. Types only, importing nothing
// but leaf modules, so every resolver can import them without importing
// spec.ts, which imports the resolvers.
import type { PrincipalArn } from './arn.js';
import type { PrincipalServiceEntry } from './catalog/service-principals.js';
import type { ServiceEntry } from './catalog/services.js';

/** How the key policy lets consumers in (the wizard's "trust" question). */
export type AccessMode = 'iam' | 'principals' | 'account';

/** The spec field an error or warning is about (the matching flag is `--<field>`). */
export type SpecField = 'keyArn' | 'account' | 'keyRegion' | 'admins' | 'consumers' | 'access' | 'services' | 'regions' | 'actions' | 'sourceArns' | 'rotation';

export interface SpecIssue {
  readonly field: SpecField;
  /** The offending value, when there is one. */
  readonly value?: string;
  readonly message: string;
  readonly hint?: string;
}

/** A ViaService service the spec uses: from the catalog, or a validated custom value. */
export interface ResolvedService {
  /** The service name in `kms:ViaService` values. */
  readonly name: string;
  readonly entry?: ServiceEntry;
  /** For a custom full value: the Region it named. */
  readonly customRegion?: string;
}

/** A service that uses the key as itself, and the `--source-arn` values that narrow it. */
export interface ResolvedPrincipalService {
  readonly entry: PrincipalServiceEntry;
  readonly sourceArns: readonly string[];
}

/** A consumer account and, for `principals` mode, the principals named in it. */
export interface ConsumerAccount {
  readonly account: string;
  readonly principals: readonly PrincipalArn[];
}
