// Issue 22: `{"Ref":"constructor"}` gave a false "Invalid JSON" and `${toString}`
// was read as text: the pseudo-parameter table was looked up with Object.prototype's
// names. A name of a parameter is unknown unless it is one of the table's own
// ("Pseudo parameters reference", AWS CloudFormation User Guide).
import { describe, expect, test } from 'vitest';
import { lintInfrastructure } from '../../../src/core/iac/index.js';

const template = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Key:
    Type: AWS::KMS::Key
    Properties:
      KeyPolicy:
        Version: "2012-10-17"
        Statement:
          - Sid: Admin
            Effect: Allow
            Principal:
              AWS: !Sub "arn:aws:iam::\${AWS::AccountId}:root"
            Action: "kms:*"
            Resource: "*"
          - Sid: Use
            Effect: Allow
            Principal:
              AWS: !Ref constructor
            Action: kms:Decrypt
            Resource: !Sub "\${toString}"
`;

describe('parameter names that Object.prototype also has', () => {
  test('!Ref constructor and ${toString} are parameters only deployment knows: no Invalid JSON, no finding about them', async () => {
    const findings = (await lintInfrastructure('t.yaml', template, 'cloudformation')).flatMap((r) => r.findings);
    expect(findings.map((f) => f.code)).not.toContain('KW001');
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});
