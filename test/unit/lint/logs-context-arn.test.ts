// KW420: the console's form of a log group's ARN (trailing ":*") inside
// kms:EncryptionContext:aws:logs:arn matches no request CloudWatch Logs makes
// ("Encrypt log data in CloudWatch Logs using AWS KMS"; CloudWatch Logs API
// Reference, LogGroup arn vs logGroupArn), so it is an error.
import { describe, expect, test } from 'vitest';
import { lintPolicyText } from '../../../src/core/lint/index.js';
import { ACCOUNT, keyPolicy } from './fixtures.js';

const logs = (op: string, value: string | string[]) => ({
  Sid: 'LogsEncryptLogGroups',
  Effect: 'Allow',
  Principal: { Service: 'logs.us-east-1.amazonaws.com' },
  Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey*', 'kms:ReEncrypt*'],
  Resource: '*',
  Condition: { [op]: { 'kms:EncryptionContext:aws:logs:arn': value } },
});
const kw420 = (text: string) => lintPolicyText(text, { type: 'key' }).findings.filter((f) => f.code === 'KW420');

describe('KW420 logs-context-arn-with-star-suffix', () => {
  test('bad: the describe-log-groups arn (…:log-group:NAME:*) is an error naming the form to write', () => {
    const [f, ...rest] = kw420(keyPolicy(logs('ArnEquals', `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/aws/lambda/app:*`)));
    expect(rest).toEqual([]);
    expect(f!.severity).toBe('error');
    expect(f!.message).toContain(`Write "arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/aws/lambda/app"`);
  });

  test('bad: every ":*" value in a list is reported, under ArnLike too', () => {
    const values = [`arn:aws:logs:us-east-1:${ACCOUNT}:log-group:a:*`, `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:b`, `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:c:*`];
    expect(kw420(keyPolicy(logs('ArnLike', values)))).toHaveLength(2);
  });

  test('good: the log-group ARN without ":*", a name pattern, and every log group of the account', () => {
    for (const v of [`arn:aws:logs:us-east-1:${ACCOUNT}:log-group:app`, `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/aws/lambda/*`, `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:*`, `arn:aws:logs:us-east-1:${ACCOUNT}:*`]) {
      expect(kw420(keyPolicy(logs('ArnLike', v))), v).toEqual([]);
    }
  });

  test('good: ":*" on another key (an IAM-style resource pattern) is not this rule\'s business', () => {
    const s = { ...logs('ArnEquals', `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:app`), Condition: { ArnLike: { 'aws:SourceArn': `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:app:*` } } };
    expect(kw420(keyPolicy(s))).toEqual([]);
  });
});
