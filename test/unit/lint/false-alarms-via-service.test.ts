// Issue 18, false alarms: kms:ViaService names AWS documents. Amazon Q
// Developer writes q.REGION.amazonaws.com ("Manage access to Amazon Q
// Developer for third-party integration",
// https://docs.aws.amazon.com/amazonq/latest/qdeveloper-ug/security_iam_manage-access-with-kms-policies.html),
// Bedrock bedrock.REGION ("Session encryption",
// https://docs.aws.amazon.com/bedrock/latest/userguide/sessions-encryption.html), Amazon Q Business
// qbusiness.REGION (Amazon Q Business User Guide). A well-formed name the catalog lacks
// is at most a warning ("AWS KMS condition keys", kms:ViaService: the list grows),
// with "did you mean" only for a near miss.
import { describe, expect, test } from 'vitest';
import { lintPolicyText } from '../../../src/core/lint/index.js';
import { iamPolicy, iamUse } from './fixtures.js';

function viaFindings(value: string) {
  const text = iamPolicy(iamUse({ Condition: { StringEquals: { 'kms:ViaService': value } } }));
  return lintPolicyText(text, { type: 'iam' }).findings.filter((f) => /^KW30\d$/.test(f.code));
}

describe('documented kms:ViaService names are known', () => {
  test.each(['q', 'bedrock', 'qbusiness', 'qapps', 'datazone', 'aoss', 'cloudwatch'])('%s.us-east-1.amazonaws.com: no finding', (name) => {
    expect(viaFindings(`${name}.us-east-1.amazonaws.com`)).toEqual([]);
  });
});

describe('a well-formed name outside the catalog', () => {
  test('is a warning, never an error, and gets no "did you mean" when it is near nothing', () => {
    const found = viaFindings('newservice.us-east-1.amazonaws.com');
    expect(found.map((f) => [f.code, f.severity])).toEqual([['KW307', 'warning']]);
    expect(found[0]!.message).not.toContain('did you mean');
    expect(found[0]!.message).toContain('may lag behind new services');
  });

  test('a short name is not a typo of another short name (m2, the prefix of Mainframe Modernization, is not "mq")', () => {
    const [f] = viaFindings('m2.us-east-1.amazonaws.com');
    expect(f!.severity).toBe('warning');
    expect(f!.message).not.toContain('did you mean');
  });

  test('a near miss of a known name gets the suggestion', () => {
    const [f] = viaFindings('secretmanager.us-east-1.amazonaws.com');
    expect(f!.severity).toBe('warning');
    expect(f!.message).toContain('did you mean "secretsmanager" (secretsmanager.us-east-1.amazonaws.com)');
  });

  test('a product name that is not the ViaService name stays an error (EBS is ec2)', () => {
    expect(viaFindings('ebs.us-east-1.amazonaws.com').map((f) => [f.code, f.severity])).toEqual([['KW306', 'error']]);
  });
});
