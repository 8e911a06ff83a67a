/**
 * What each exercise's author meant, kept out of the lessons (the learner
 * never sees it). The tests compare it with what the engine computes: if
 * the evaluator or lint changes its answer, or a lesson's policies drift,
 * the lesson's prose may now be wrong, and a test says so.
 *
 * Fix exercises keep their solutions (and a plausible wrong answer) as files
 * under test/fixtures/lessons/.
 */
export const EXPECTED_DECISIONS: Record<string, 'Allow' | 'ImplicitDeny' | 'ExplicitDeny'> = {
  'two-policies/iam-is-silent': 'ImplicitDeny',
  'two-policies/iam-alone': 'ImplicitDeny',
  'account-root/root-plus-iam': 'Allow',
  'via-service/other-region': 'ImplicitDeny',
  'via-service/for-all-values': 'Allow',
  'star-principal/star-no-iam': 'Allow',
  'star-principal/star-direct': 'ImplicitDeny',
  'default-statement/default-bypass': 'Allow',
  'default-statement/deny-wins': 'ExplicitDeny',
  'grants/direct-create-grant': 'ImplicitDeny',
  'key-admins/admin-decrypt': 'ImplicitDeny',
  'cross-account/one-side': 'ImplicitDeny',
  'encryption-context/other-team-secret': 'ImplicitDeny',
  'encryption-context/describe-key-context': 'ImplicitDeny',
  'key-in-use/loses-access': 'ImplicitDeny',
  'service-principals/other-account-trail': 'ImplicitDeny',
  'who-can/unnamed-role': 'Allow',
  'who-can/power-user-takeover': 'Allow',
};

/** The one right option of each choose exercise. */
export const EXPECTED_OPTIONS: Record<string, string> = {
  'two-policies/iam-resource': 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
  'via-service/ebs-value': 'ec2.eu-west-1.amazonaws.com',
  'grants/grant-condition': '{"Bool": {"kms:GrantIsForAWSResource": true}}',
  'grants/secrets-manager-actions': '["kms:GenerateDataKey", "kms:Decrypt"]',
  'cross-account/caller-account-value': '444455556666',
  'encryption-context/like-or-equals': 'StringLike',
  'key-in-use/which-to-keep': '{"Sid": "BackupAccountDecrypt", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:role/backup"}, "Action": ["kms:Decrypt", "kms:DescribeKey"], "Resource": "*"}',
  'service-principals/logs-principal': 'logs.us-east-1.amazonaws.com',
};

/** The lines with lint errors in each spot exercise. */
export const EXPECTED_BUG_LINES: Record<string, number[]> = {
  'find-the-bugs/spot-key-policy': [18, 19],
  'find-the-bugs/spot-iam-policy': [6],
};
