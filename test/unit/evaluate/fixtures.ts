import { readFileSync } from 'node:fs';
import type { KmsRequest } from '../../../src/core/evaluate/index.js';

/** Reads a JSON fixture from test/fixtures/evaluate. */
export function fixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../fixtures/evaluate/${name}`, import.meta.url), 'utf8'));
}

export const KEY_ARN = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
export const JOHN = 'arn:aws:iam::111122223333:user/John';
export const APP_SESSION = 'arn:aws:sts::111122223333:assumed-role/app/i-0abc';
export const SECRETS_US_EAST_1 = 'secretsmanager.us-east-1.amazonaws.com';

export function request(overrides: Partial<KmsRequest> = {}): KmsRequest {
  return { principal: JOHN, action: 'kms:Decrypt', keyArn: KEY_ARN, ...overrides };
}

/** A one-statement policy document. */
export function policy(...statements: Record<string, unknown>[]): unknown {
  return { Version: '2012-10-17', Statement: statements };
}
