// Every lint rule, in code order. Adding a rule: one file here, one entry below,
// one bad and one good case in test/unit/lint/rules.test.ts.
import type { CrossRule, DocumentRule, RuleMeta } from '../types.js';
import { accountConditionNotAccountId } from './account-condition-not-account-id.js';
import { actionNotUsedByService } from './action-not-used-by-service.js';
import { aliasAsIamResource } from './alias-as-iam-resource.js';
import { callerAccountMismatch } from './caller-account-mismatch.js';
import { characterNotAllowed } from './character-not-allowed.js';
import { conditionKeyNotOnAction } from './condition-key-not-on-action.js';
import { conflictingElements } from './conflicting-elements.js';
import { duplicateMember } from './duplicate-member.js';
import { duplicateSid } from './duplicate-sid.js';
import { duplicateSidKeyPolicy } from './duplicate-sid-key-policy.js';
import { ec2PrincipalForEbs } from './ec2-principal-for-ebs.js';
import { encryptionContextOnActionWithoutContext } from './encryption-context-on-action-without-context.js';
import { forAllValuesEncryptionContext } from './for-all-values-encryption-context.js';
import { forAllValuesSingleValued } from './for-all-values-single-valued.js';
import { forAnyValueSingleValued } from './for-any-value-single-valued.js';
import { groupPrincipal } from './group-principal.js';
import { iamActionNotForKeyType } from './iam-action-not-for-key-type.js';
import { iamActionNotGranted } from './iam-action-not-granted.js';
import { iamBypassesViaService } from './iam-bypasses-via-service.js';
import { iamPolicyTooLarge } from './iam-policy-too-large.js';
import { iamResourceEveryKey } from './iam-resource-every-key.js';
import { iamResourceNotThisKey } from './iam-resource-not-this-key.js';
import { iamSidCharacters } from './iam-sid-characters.js';
import { invalidElementType } from './invalid-element-type.js';
import { instanceProfilePrincipal } from './instance-profile-principal.js';
import { invalidJson } from './invalid-json.js';
import { invalidVersion } from './invalid-version.js';
import { keyIdAsIamResource } from './key-id-as-iam-resource.js';
import { keyPolicyActionNotForKeyType } from './key-policy-action-not-for-key-type.js';
import { keyPolicyIgnoresIam } from './key-policy-ignores-iam.js';
import { keyPolicyLockout } from './key-policy-lockout.js';
import { kmsActionOnOtherResource } from './kms-action-on-other-resource.js';
import { keyPolicyTooLarge } from './key-policy-too-large.js';
import { logsContextArnWithStarSuffix } from './logs-context-arn-with-star-suffix.js';
import { logsPrincipalWithoutRegion } from './logs-principal-without-region.js';
import { malformedAction } from './malformed-action.js';
import { malformedKeyArnResource } from './malformed-key-arn-resource.js';
import { missingAction } from './missing-action.js';
import { missingEffect } from './missing-effect.js';
import { missingPrincipal } from './missing-principal.js';
import { missingResourceIam } from './missing-resource-iam.js';
import { missingResourceKeyPolicy } from './missing-resource-key-policy.js';
import { missingStatement } from './missing-statement.js';
import { missingVersion } from './missing-version.js';
import { misspelledGlobalConditionKey } from './misspelled-global-condition-key.js';
import { notAKmsPolicy } from './not-a-kms-policy.js';
import { notAPrincipal } from './not-a-principal.js';
import { notAnObject } from './not-an-object.js';
import { placeholderValue } from './placeholder-value.js';
import { principalInIamPolicy } from './principal-in-iam-policy.js';
import { rootStatementBypassesViaService } from './root-statement-bypasses-via-service.js';
import { servicePrincipalCase } from './service-principal-case.js';
import { servicePrincipalConfusedDeputy } from './service-principal-confused-deputy.js';
import { starPrincipalAccountWideAdmin } from './star-principal-account-wide-admin.js';
import { sourceArnStringOperator } from './source-arn-string-operator.js';
import { starPrincipalNoIamNeeded } from './star-principal-no-iam-needed.js';
import { starPrincipalWithoutCallerAccount } from './star-principal-without-caller-account.js';
import { starPrincipalWithoutConditions } from './star-principal-without-conditions.js';
import { statementNeverMatches } from './statement-never-matches.js';
import { tooLargeToLint } from './too-large-to-lint.js';
import { unknownConditionOperator } from './unknown-condition-operator.js';
import { unknownElement } from './unknown-element.js';
import { unknownGlobalConditionKey } from './unknown-global-condition-key.js';
import { unknownKmsAction } from './unknown-kms-action.js';
import { unknownKmsConditionKey } from './unknown-kms-condition-key.js';
import { viaServiceMalformed } from './via-service-malformed.js';
import { viaServiceUnknownService } from './via-service-unknown-service.js';
import { viaServiceUnlistedRegion } from './via-service-unlisted-region.js';
import { viaServiceWrongName } from './via-service-wrong-name.js';
import { wildcardInStringEquals } from './wildcard-in-string-equals.js';

/** Findings the engine itself produces before any document rule can run. */
export const PARSE_RULES: readonly RuleMeta[] = [invalidJson, notAnObject, tooLargeToLint];

export const DOCUMENT_RULES: readonly DocumentRule[] = [
  missingStatement, missingVersion, invalidVersion, keyPolicyTooLarge, iamPolicyTooLarge, characterNotAllowed,
  unknownElement, invalidElementType, conflictingElements, missingEffect, missingPrincipal, principalInIamPolicy,
  missingAction, missingResourceKeyPolicy, missingResourceIam, iamSidCharacters, duplicateSid, duplicateSidKeyPolicy,
  unknownKmsAction, malformedAction, actionNotUsedByService,
  unknownConditionOperator, unknownKmsConditionKey, misspelledGlobalConditionKey, unknownGlobalConditionKey,
  viaServiceMalformed, viaServiceWrongName, viaServiceUnknownService, viaServiceUnlistedRegion,
  forAllValuesSingleValued, forAnyValueSingleValued, forAllValuesEncryptionContext, wildcardInStringEquals,
  accountConditionNotAccountId, encryptionContextOnActionWithoutContext, conditionKeyNotOnAction, statementNeverMatches, sourceArnStringOperator,
  starPrincipalWithoutConditions, starPrincipalWithoutCallerAccount, starPrincipalNoIamNeeded, notAPrincipal,
  groupPrincipal, servicePrincipalConfusedDeputy, callerAccountMismatch, starPrincipalAccountWideAdmin, logsPrincipalWithoutRegion, logsContextArnWithStarSuffix, ec2PrincipalForEbs,
  aliasAsIamResource, keyIdAsIamResource, iamResourceEveryKey, malformedKeyArnResource,
  keyPolicyLockout, rootStatementBypassesViaService,
  duplicateMember,
  kmsActionOnOtherResource,
  keyPolicyActionNotForKeyType,
  notAKmsPolicy,
  placeholderValue,
  servicePrincipalCase,
  instanceProfilePrincipal,
];

export const CROSS_RULES: readonly CrossRule[] = [iamResourceNotThisKey, iamActionNotGranted, keyPolicyIgnoresIam, iamBypassesViaService,
  iamActionNotForKeyType,
];

/**
 * Rules that read a template value only deployment completes as what it is
 * (`arn:aws:kms:us-east-1:123456789012:alias/${AliasName}`: an alias ARN,
 * whatever the name): their findings about such values are kept.
 */
export const TEMPLATE_VALUE_CODES: ReadonlySet<string> = new Set([aliasAsIamResource.code, kmsActionOnOtherResource.code, instanceProfilePrincipal.code]);
