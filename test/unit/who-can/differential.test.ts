// Differential test: where no boundary, SCP, RCP or grant is involved, who-can must agree with the
// evaluator that `simulate` uses (evaluate() on the key policy and the principal's identity policies),
// for every principal of both accounts, every action on the key, directly and through S3.
import { describe, expect, test } from 'vitest';
import { evaluate } from '../../../src/core/evaluate/index.js';
import { identityDocuments } from '../../../src/core/who-can/identity.js';
import { whoCan } from '../../../src/core/who-can/index.js';
import { worksAcrossAccounts } from '../../../src/core/who-can/cross-account.js';
import { keyActions } from '../../../src/core/who-can/key-actions.js';
import { forPrincipal } from '../../../src/core/who-can/resource-variables.js';
import { KEY, keyPolicyDocument, orgInput, PROD } from './fixtures.js';

const S3 = 's3.eu-west-1.amazonaws.com';
const input = orgInput(['scp', 'rcp', 'grants']);
const result = whoCan(input);
const keyPolicy = keyPolicyDocument();

describe('who-can agrees with evaluate()', () => {
  for (const account of input.accounts!) {
    for (const p of [...account.users, ...account.roles].filter((x) => !x.boundaryArn)) {
      test(`${p.arn}`, () => {
        const iamPolicies = identityDocuments(account, p).map((d) => forPrincipal(d, p).document);
        const context = Object.fromEntries(Object.entries(p.tags).map(([k, v]) => [`aws:PrincipalTag/${k}`, v]));
        let compared = 0;
        for (const action of keyActions(input.key, 'mrk-1234abcd12ab34cd56ef1234567890ab')) {
          const mine = result.access.filter((a) => a.principal === p.arn && a.action === action);
          if (mine.some((a) => a.conditions.length > 0)) continue; // depends on keys evaluate() is not given
          const direct = mine.some((a) => a.via === 'direct');
          // Another account's principal can call only some operations, whatever the policies say
          // ("Allowing users in other accounts to use a KMS key", key-policy-modifying-external-accounts.html).
          const possible = account.account === PROD || worksAcrossAccounts(action);
          const asked = evaluate({ principal: p.arn, action, keyArn: KEY, context }, { keyPolicy, iamPolicies });
          expect(`${action} direct: ${direct}`).toBe(`${action} direct: ${asked.decision === 'Allow' && possible}`);
          if (!direct) {
            const viaS3 = mine.some((a) => a.via === 'service' && a.services!.includes(S3));
            const askedVia = evaluate({ principal: p.arn, action, keyArn: KEY, viaService: S3, context }, { keyPolicy, iamPolicies });
            expect(`${action} via S3: ${viaS3}`).toBe(`${action} via S3: ${askedVia.decision === 'Allow' && possible}`);
          }
          compared++;
        }
        expect(compared).toBeGreaterThan(20);
      });
    }
  }
});
