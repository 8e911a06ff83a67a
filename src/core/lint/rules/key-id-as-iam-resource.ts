import { isKeyId } from '../../arn.js';
import { keyUseStatements } from '../iam-resources.js';
import type { DocumentRule } from '../types.js';

/** ("Specifying KMS keys in IAM policy statements", https://docs.aws.amazon.com/kms/latest/developerguide/cmks-in-iam-policies.html) IAM needs the key ARN; a key id or alias name as Resource matches nothing. */
export const keyIdAsIamResource: DocumentRule = {
  code: 'KW502',
  name: 'key-id-as-iam-resource',
  severity: 'error',
  title: 'Key id or alias name as IAM Resource',
  appliesTo: 'iam',
  check(doc, report) {
    for (const u of keyUseStatements(doc)) {
      for (const r of u.resources) {
        const what = isKeyId(r.value.toLowerCase()) ? 'a key id' : r.value.startsWith('alias/') ? 'an alias name' : undefined;
        if (!what) continue;
        report(
          r.loc,
          `"${r.value}" is ${what}, not an ARN, so it matches no key. Use the full key ARN, e.g. "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" ` +
            `(aws kms describe-key --key-id ${r.value} --query KeyMetadata.Arn prints it).`,
        );
      }
    }
  },
};
