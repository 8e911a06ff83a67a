import { describe, expect, it } from 'vitest';
import { ADMIN_ACTIONS, CRYPTOGRAPHIC_ACTIONS, expandKmsActions, KMS_ACTIONS, actionSupportsConditionKey, kmsConditionKey } from '../../../src/core/catalog/actions.js';
import { findNonViaService, findService, SERVICES, viaServiceNames, viaServiceValue } from '../../../src/core/catalog/services.js';

describe('service catalog quirks (AWS KMS condition keys: kms:ViaService table)', () => {
  it.each([
    ['ebs', ['ec2']],
    ['EBS', ['ec2']],
    ['aurora', ['rds']],
    ['neptune', ['rds']],
    ['performance insights', ['rds']],
    ['elasticache', ['elasticache', 'dax']],
    ['opensearch', ['es']],
    ['snowball', ['importexport']],
    ['guardduty', ['malware-protection']],
    ['efs', ['elasticfilesystem']],
    ['keyspaces', ['cassandra']],
    ['msk', ['kafka']],
    ['mwaa', ['airflow']],
    ['location', ['geo']],
    ['customer-profiles', ['profile']],
    ['redshift-query-editor', ['sqlworkbench']],
    ['secretsmanager', ['secretsmanager']],
  ])('%s uses ViaService name(s) %j', (typed, names) => {
    expect(findService(typed)?.viaServiceNames).toEqual(names);
  });

  it('names each service once: no id or alias belongs to two entries (findService takes the first)', () => {
    const names = SERVICES.flatMap((s) => [s.id, ...s.aliases]);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it('holds every service of the guide table', () => {
    const table = `apprunner appflow mgn athena auditmanager rds backup backup-gateway codeartifact codeguru-reviewer comprehend connect profile wisdom dms directoryservice dynamodb ssm ec2 ecr elasticfilesystem eks elasticache dax es mediatailor finspace forecast fsx glue groundstation malware-protection healthlake iotsitewise kendra cassandra kinesis firehose kinesisvideo lambda lex license-manager geo lookoutequipment lookoutmetrics lookoutvision macie managedblockchain kafka airflow memorydb monitron mq nimble omics proton qldb redshift sqlworkbench redshift-serverless rekognition sagemaker secretsmanager ses sns sqs s3 importexport storagegateway ssm-incidents ssm-contacts timestream translate workmail workspaces workspaces-web xray`.split(' ');
    // Plus "logs": "Encrypt log data in CloudWatch Logs using AWS KMS" documents kms:ViaService logs.REGION.amazonaws.com for caller roles,
    // and services newer than the snapshot, each from its own encryption page (cited in services.ts).
    const newer = ['aoss', 'bedrock', 'cloudwatch', 'datazone', 'q', 'qapps', 'qbusiness'];
    expect([...viaServiceNames()].sort()).toEqual([...new Set([...table, 'logs', ...newer])].sort());
  });

  // https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html: Secrets Manager needs only GenerateDataKey and Decrypt.
  it('Secrets Manager defaults to GenerateDataKey + Decrypt, never Encrypt', () => {
    expect([...findService('secretsmanager')!.defaultActions].sort()).toEqual(['kms:Decrypt', 'kms:GenerateDataKey']);
  });

  // [ebs-encryption-requirements] "Permissions for users".
  it('EBS defaults to the documented set with CreateGrant', () => {
    const ebs = findService('ebs')!;
    expect(ebs.usesGrants).toBe(true);
    expect([...ebs.defaultActions].sort()).toEqual(['kms:CreateGrant', 'kms:Decrypt', 'kms:DescribeKey', 'kms:GenerateDataKeyWithoutPlaintext', 'kms:ReEncrypt*']);
  });

  it.each(['ec2', 'rds', 'redshift', 'dynamodb', 'workmail', 'workspaces'])('%s uses grants', (id) => {
    expect(findService(id)!.usesGrants).toBe(true);
    expect(findService(id)!.defaultActions).toContain('kms:CreateGrant');
  });

  it('services that do not use grants never get CreateGrant by default', () => {
    for (const s of SERVICES.filter((x) => !x.usesGrants)) expect(s.defaultActions).not.toContain('kms:CreateGrant');
  });

  it('every default action is a real KMS action or matches one, and carries kms:ViaService', () => {
    for (const s of SERVICES) {
      for (const a of s.defaultActions) {
        const matched = expandKmsActions(a);
        expect(matched.length, `${s.id}: ${a}`).toBeGreaterThan(0);
        expect(matched.every((m) => actionSupportsConditionKey(m, 'kms:ViaService')), `${s.id}: ${a}`).toBe(true);
      }
    }
  });

  it('CloudTrail is explained, not given a ViaService value; CloudWatch Logs callers use logs.REGION (encrypt-log-data-kms.html)', () => {
    expect(findService('cloudtrail')).toBeUndefined();
    expect(findNonViaService('cloudtrail')!.explanation).toMatch(/cloudtrail\.amazonaws\.com/);
    expect(findNonViaService('cloudtrail')!.explanation).toMatch(/aws:SourceArn/);
    expect(findService('logs')!.viaServiceNames).toEqual(['logs']);
  });

  // [conditions-kms]: use .amazonaws.com in every partition, China too.
  it('ViaService values end in .amazonaws.com, China included', () => {
    expect(viaServiceValue('s3', 'cn-north-1')).toBe('s3.cn-north-1.amazonaws.com');
  });
});

describe('KMS actions (Service Authorization Reference)', () => {
  it('knows the 56 KMS actions', () => {
    expect(KMS_ACTIONS).toHaveLength(56);
    expect(KMS_ACTIONS).toContain('kms:Decrypt');
  });

  // ("Actions, resources, and condition keys for AWS Key Management Service", https://docs.aws.amazon.com/service-authorization/latest/reference/list_awskeymanagementservice.html) GenerateDataKey* covers the four GenerateDataKey actions.
  it('GenerateDataKey* covers the four data-key actions', () => {
    expect([...expandKmsActions('kms:GenerateDataKey*')].sort()).toEqual([
      'kms:GenerateDataKey', 'kms:GenerateDataKeyPair', 'kms:GenerateDataKeyPairWithoutPlaintext', 'kms:GenerateDataKeyWithoutPlaintext',
    ]);
  });

  it('matches action names case-insensitively and wildcards that match nothing give nothing', () => {
    expect(expandKmsActions('KMS:decrypt')).toEqual(['kms:Decrypt']);
    expect(expandKmsActions('kms:Encrpyt*')).toEqual([]);
  });

  it('administrator actions include no cryptographic action', () => {
    const admin = ADMIN_ACTIONS.flatMap(expandKmsActions);
    expect(admin).toContain('kms:PutKeyPolicy');
    for (const c of CRYPTOGRAPHIC_ACTIONS) expect(admin).not.toContain(c);
  });

  it('knows which actions carry which condition keys', () => {
    expect(actionSupportsConditionKey('kms:Decrypt', 'kms:ViaService')).toBe(true);
    expect(actionSupportsConditionKey('kms:ListKeys', 'kms:ViaService')).toBe(false);
    expect(actionSupportsConditionKey('kms:Decrypt', 'kms:GrantIsForAWSResource')).toBe(false);
    expect(actionSupportsConditionKey('kms:CreateGrant', 'kms:GrantIsForAWSResource')).toBe(true);
    expect(actionSupportsConditionKey('kms:DescribeKey', 'kms:EncryptionContext:SecretARN')).toBe(false);
    expect(actionSupportsConditionKey('kms:Decrypt', 'kms:EncryptionContext:SecretARN')).toBe(true);
    expect(kmsConditionKey('KMS:VIASERVICE')?.key).toBe('kms:ViaService');
    expect(kmsConditionKey('kms:ViaServce')).toBeUndefined();
  });
});
