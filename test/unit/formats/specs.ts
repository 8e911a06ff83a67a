// Real specs every format test renders: cross-account, several services with
// different actions (EBS grants), multi-Region keys, every trust mode, the
// three partitions, and the cases where the key's account needs no IAM policy.
import { build } from '../../../src/core/build.js';
import type { BuildResult } from '../../../src/core/build-types.js';
import type { PolicySpec } from '../../../src/core/spec.js';

const KEY = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const MRK = 'arn:aws:kms:eu-west-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab';

export interface NamedSpec {
  readonly name: string;
  readonly spec: PolicySpec;
}

export const SPECS: readonly NamedSpec[] = [
  {
    name: 'iam: Secrets Manager + EBS, own account and a cross-account consumer',
    spec: { keyArn: KEY, admins: [], consumers: ['111122223333', '444455556666'], access: 'iam', services: ['secretsmanager', 'ebs'], regions: [] },
  },
  {
    name: 'principals: multi-Region key in two Regions, S3, a user here and a role in another account, named admin',
    spec: {
      keyArn: MRK,
      admins: ['arn:aws:iam::111122223333:role/KeyAdmin'],
      consumers: ['arn:aws:iam::111122223333:user/john', 'arn:aws:iam::444455556666:role/path/app'],
      access: 'principals',
      services: ['s3'],
      regions: ['eu-west-1', 'us-west-2'],
    },
  },
  {
    name: 'account: aws-cn, S3 + Aurora, two accounts',
    spec: {
      keyArn: 'arn:aws-cn:kms:cn-north-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      admins: [],
      consumers: ['111122223333', '555566667777'],
      access: 'account',
      services: ['s3', 'aurora'],
      regions: [],
    },
  },
  {
    name: 'principals, same account only: no IAM policy at all',
    spec: { keyArn: KEY, admins: [], consumers: ['arn:aws:iam::111122223333:role/app'], access: 'principals', services: ['secretsmanager'], regions: [] },
  },
  {
    name: 'iam, aws-us-gov: only another account consumes, roles named there',
    spec: {
      keyArn: 'arn:aws-us-gov:kms:us-gov-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      admins: ['arn:aws-us-gov:iam::111122223333:role/Admin'],
      consumers: ['arn:aws-us-gov:iam::444455556666:role/reader', 'arn:aws-us-gov:iam::444455556666:user/ops'],
      access: 'iam',
      services: ['dynamodb', 'sqs'],
      regions: [],
    },
  },
  {
    name: 'iam: a custom ViaService value and an actions override, users and roles attached',
    spec: {
      keyArn: KEY,
      admins: [],
      consumers: ['arn:aws:iam::111122223333:user/john', 'arn:aws:iam::111122223333:role/app'],
      access: 'iam',
      services: ['myservice.us-east-1.amazonaws.com', 'sns'],
      regions: [],
      actions: ['kms:Decrypt'],
    },
  },
  {
    name: 'iam: multi-Region key used through Secrets Manager in three Regions',
    spec: { keyArn: MRK, admins: [], consumers: [], access: 'iam', services: ['secretsmanager'], regions: ['eu-west-1', 'eu-central-1', 'us-east-1'] },
  },
  {
    name: 'iam: services acting as themselves (CloudTrail, CloudWatch Logs, vended logs, EventBridge bus) beside Secrets Manager, a named trail',
    spec: {
      keyArn: KEY,
      admins: [],
      consumers: ['111122223333', '444455556666'],
      access: 'iam',
      services: ['cloudtrail', 'logs', 'delivery.logs', 'events', 'secretsmanager'],
      regions: [],
      sourceArns: ['arn:aws:cloudtrail:us-east-1:111122223333:trail/org-trail'],
    },
  },
  {
    name: 'principals: only services acting as themselves (Config, Route 53 DNSSEC), no IAM policy',
    spec: { keyArn: KEY, admins: [], consumers: ['arn:aws:iam::111122223333:role/app'], access: 'principals', services: ['config', 'route53-dnssec'], regions: [] },
  },
];

/** Every spec with its build result. */
export const BUILT: readonly (NamedSpec & { result: BuildResult })[] = SPECS.map((s) => ({ ...s, result: build(s.spec) }));

const NEW_KEY = { account: '111122223333', region: 'us-east-1', multiRegion: false };

/** Keys that do not exist yet: no ARN to write, so the formats create the key and refer to it. */
export const NEW_KEY_SPECS: readonly NamedSpec[] = [
  {
    name: 'new key, iam: Secrets Manager, own account and a cross-account consumer',
    spec: { newKey: NEW_KEY, admins: [], consumers: ['111122223333', '444455556666'], access: 'iam', services: ['secretsmanager'], regions: ['us-east-1'] },
  },
  {
    name: 'new multi-Region key, iam: S3 + EBS in two Regions, a role and a user attached',
    spec: {
      newKey: { ...NEW_KEY, region: 'eu-west-1', multiRegion: true },
      admins: ['arn:aws:iam::111122223333:role/KeyAdmin'],
      consumers: ['arn:aws:iam::111122223333:role/app', 'arn:aws:iam::111122223333:user/ops'],
      access: 'iam',
      services: ['s3', 'ebs'],
      regions: ['eu-west-1', 'us-west-2'],
    },
  },
  {
    name: 'new key, principals in its own account: no IAM policy at all',
    spec: { newKey: NEW_KEY, admins: [], consumers: ['arn:aws:iam::111122223333:role/app'], access: 'principals', services: ['sqs'], regions: ['us-east-1'] },
  },
];

export const NEW_KEY_BUILT: readonly (NamedSpec & { result: BuildResult })[] = NEW_KEY_SPECS.map((s) => ({ ...s, result: build(s.spec) }));

/** A concrete key ARN (a key id after key/): a new key's files must hold none, only references to the key they create. */
export const CONCRETE_KEY_ARN = /arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/(?:mrk-)?[0-9a-f]/;
