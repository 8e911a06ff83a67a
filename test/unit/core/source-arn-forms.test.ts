// --source-arn in the form people copy it: written in the form the service
// sends, with a note (issue 18). Sources: CloudWatch Logs API Reference,
// LogGroup (arn has a trailing ":*", logGroupArn does not); "Encrypt log data
// in CloudWatch Logs using AWS KMS"; S3 "Granting permissions to publish event
// notification messages to a destination" (aws:SourceArn = the bucket ARN).
import { describe, expect, test } from 'vitest';
import { build } from '../../../src/core/build.js';
import { evaluate } from '../../../src/core/evaluate/index.js';
import { sentSourceArn } from '../../../src/core/source-arn-forms.js';

const ME = '111122223333';
const KEY = `arn:aws:kms:us-east-1:${ME}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const GROUP = `arn:aws:logs:us-east-1:${ME}:log-group:/aws/lambda/app`;
const spec = (service: string, sourceArn: string) => ({ keyArn: KEY, admins: [], consumers: [], access: 'iam' as const, services: [service], regions: [], sourceArns: [sourceArn] });

describe('a log group ARN as the console shows it (…:*)', () => {
  test('is written without ":*" in kms:EncryptionContext:aws:logs:arn, and the note says so', () => {
    const result = build(spec('logs', `${GROUP}:*`));
    const statement = result.keyPolicy.Statement.find((s) => s.Sid === 'LogsEncryptLogGroups')!;
    expect(statement.Condition).toEqual({ ArnEquals: { 'kms:EncryptionContext:aws:logs:arn': GROUP } });
    expect(JSON.stringify(result.keyPolicy)).not.toContain(':*"');
    expect(result.notes.join('\n')).toContain(`written as ${GROUP}`);
  });

  test('the statement allows what CloudWatch Logs sends (the context without ":*")', () => {
    const result = build(spec('logs', `${GROUP}:*`));
    const d = evaluate(
      { principal: 'logs.us-east-1.amazonaws.com', action: 'kms:GenerateDataKey', keyArn: KEY, encryptionContext: { 'aws:logs:arn': GROUP } },
      { keyPolicy: result.keyPolicy, iamPolicies: [] },
    );
    expect(d.decision).toBe('Allow');
  });

  test('both forms give the same policy; the plain form gives no note', () => {
    const plain = build(spec('logs', GROUP));
    expect(build(spec('logs', `${GROUP}:*`)).keyPolicy).toEqual(plain.keyPolicy);
    expect(plain.notes.join('\n')).not.toContain('written as');
  });

  test('a name pattern and "every log group" keep their form', () => {
    expect(sentSourceArn('logs', `arn:aws:logs:us-east-1:${ME}:log-group:/aws/*`).arn).toBe(`arn:aws:logs:us-east-1:${ME}:log-group:/aws/*`);
    expect(sentSourceArn('logs', `arn:aws:logs:us-east-1:${ME}:log-group:*`).arn).toBe(`arn:aws:logs:us-east-1:${ME}:log-group:*`);
  });
});

describe('an S3 object ARN for S3 event notifications', () => {
  test('is written as the bucket ARN (what S3 sends as aws:SourceArn)', () => {
    const result = build({ ...spec('s3-notifications', 'arn:aws:s3:::my-bucket/*'), services: ['s3-notifications'] });
    const statement = result.keyPolicy.Statement.find((s) => s.Sid === 'S3NotificationsToDestination')!;
    expect(JSON.stringify(statement.Condition)).toContain('"aws:SourceArn":"arn:aws:s3:::my-bucket"');
    expect(result.notes.join('\n')).toContain('written as arn:aws:s3:::my-bucket');
  });
});

test('ARNs of the other services are kept as given (trail, rule, topic)', () => {
  for (const [id, arn] of [
    ['cloudtrail', `arn:aws:cloudtrail:us-east-1:${ME}:trail/main`],
    ['events-to-sqs', `arn:aws:events:us-east-1:${ME}:rule/orders/new-order`],
    ['sns-to-sqs', `arn:aws:sns:us-east-1:${ME}:topic`],
  ] as const) {
    expect(sentSourceArn(id, arn)).toEqual({ arn });
  }
});
