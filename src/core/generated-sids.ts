/**
 * The Sids of the key policy statements build() writes. They are the mark by
 * which `generate --from` recognises statements kms-wizard generated earlier
 * (and replaces them, so a rerun updates rather than duplicates). A new kind
 * of generated statement gets its Sid from here and adds its pattern to
 * {@link GENERATED_SID_PATTERNS}.
 */

/** Sid of the key administrators statement. */
export const ADMINS_SID = 'KeyAdministrators';

/** Sid of a consumer statement for one action group (`ThroughServices`, ...) and, for another account, its id. */
export const useSid = (group: string, accountSuffix: string): string => `AllowUse${group}${accountSuffix}`;

/** Sid of a consumer's CreateGrant statement. */
export const grantsSid = (group: string, accountSuffix: string): string => `AllowGrants${group}${accountSuffix}`;

/**
 * Every Sid build() can write, as patterns (group names are `Through` + letters
 * and digits). Statements for service principals belong here too, so a rerun
 * replaces them instead of keeping a second copy.
 */
export const GENERATED_SID_PATTERNS: readonly RegExp[] = [
  /^KeyAdministrators$/,
  /^AllowUseThrough[A-Za-z0-9]+$/,
  /^AllowGrantsThrough[A-Za-z0-9]+$/,
];

/** Whether a key policy statement's Sid is one build() writes. */
export function isGeneratedSid(sid: unknown): boolean {
  return typeof sid === 'string' && GENERATED_SID_PATTERNS.some((p) => p.test(sid));
}
