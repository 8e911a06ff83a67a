import { describe, expect, it } from 'vitest';
import { issueLines } from '../../src/ui/components/issues.js';
import { inWizardWords } from '../../src/ui/field-words.js';
import { lineText } from '../../src/terminal/lines.js';

describe('wizard hints speak of the field on screen, not flags', () => {
  it('says each generate flag as its field or step', () => {
    expect(inWizardWords('Give --region, e.g. --region us-east-1')).toBe('Fill in the Region list, e.g. us-east-1');
    expect(inWizardWords('Give --account with the 12-digit id (keep leading zeros)')).toBe('Fill in the Account field with the 12-digit id (keep leading zeros)');
    expect(inWizardWords("Add --consumer 999988887777 if that account's resources should use the key")).toBe("Add 999988887777 on the Consumers step if that account's resources should use the key");
    expect(inWizardWords('e.g. --service secretsmanager (see kms-wizard generate --help for the list)')).toBe('e.g. secretsmanager (the Services step lists them)');
    expect(inWizardWords('Remove this --service')).toBe('Remove it from the Services step');
    expect(inWizardWords('Add --service logs or --service s3, or drop this --source-arn')).toBe('Add logs on the Services step or s3 on the Services step, or drop it from the source ARN field');
  });
  it('says a Trust choice as the choice', () => {
    expect(inWizardWords('Name roles or users, or use --access iam')).toBe('Name roles or users, or choose "iam" on the Trust step');
  });
  it('leaves the AWS CLI commands inside a hint alone', () => {
    expect(inWizardWords('as `aws sts get-caller-identity --query Account --output text` prints it')).toBe('as `aws sts get-caller-identity --query Account --output text` prints it');
  });
  it('the error lines the wizard draws carry no flag', () => {
    const text = issueLines([{ field: 'account', message: 'a new key needs the account it will be created in', hint: 'Give --account with the 12-digit id' }], 200, 'error').map(lineText).join('\n');
    expect(text).not.toMatch(/--account/);
    expect(text).toContain('Fill in the Account field');
  });
});

describe('the Changes tab words', () => {
  it('"unless --admin is given" is said as the step that changes it', () => {
    expect(inWizardWords('become the administrators unless --admin is given')).toBe('become the administrators unless changed on the Administrators step');
  });
});
