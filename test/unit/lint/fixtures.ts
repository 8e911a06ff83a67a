// Policy builders for the lint tests: a clean baseline that each case breaks
// in exactly one way.
import { RECOMMENDED_ADMIN_ACTIONS } from '../../../src/core/lint/admin-actions.js';

export const ACCOUNT = '111122223333';
export const OTHER_ACCOUNT = '444455556666';
export const ROOT = `arn:aws:iam::${ACCOUNT}:root`;
export const KEY_ARN = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
export const MRK_ARN = `arn:aws:kms:us-east-1:${ACCOUNT}:key/mrk-1234abcd12ab34cd56ef1234567890ab`;
export const VIA_SM = 'secretsmanager.us-east-1.amazonaws.com';

type Json = Record<string, unknown>;

/** Key administrators: the account root, admin actions only (no cryptographic ones, no CreateGrant). */
export const ADMIN: Json = { Sid: 'KeyAdministrators', Effect: 'Allow', Principal: { AWS: ROOT }, Action: [...RECOMMENDED_ADMIN_ACTIONS], Resource: '*' };

/** The corrected Secrets Manager statement as build() writes it. */
export function use(over: Json = {}): Json {
  return {
    Sid: 'UseThroughSecretsManager',
    Effect: 'Allow',
    Principal: { AWS: ROOT },
    Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
    Resource: '*',
    Condition: { StringEquals: { 'kms:ViaService': VIA_SM, 'kms:CallerAccount': ACCOUNT } },
    ...over,
  };
}

/** A key policy: the administrator statement, then the given statements. */
export function keyPolicy(...statements: Json[]): string {
  return `${JSON.stringify({ Version: '2012-10-17', Statement: [ADMIN, ...statements] }, null, 2)}\n`;
}

/** A key policy with exactly the given statements (no administrator statement). */
export function bareKeyPolicy(...statements: Json[]): string {
  return `${JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2)}\n`;
}

export function iamUse(over: Json = {}): Json {
  return { Sid: 'UseKey', Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: KEY_ARN, ...over };
}

export function iamPolicy(...statements: Json[]): string {
  return `${JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2)}\n`;
}

/** use() with a different Condition block. */
export function useWhere(condition: Json, over: Json = {}): Json {
  return use({ Condition: condition, ...over });
}
