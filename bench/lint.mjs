// Benchmark: how much linting a typical policy pair adds to the CLI's start-up.
// Issue 3's target: `lint` at most 10% over `--version` wall time.
// Prints ratios; asserts nothing (timings depend on the machine).
//   node bench/lint.mjs                 (uses dist/cli.cjs)
//   KMS_WIZARD_BIN=.tmp/x/cli.js node bench/lint.mjs
import { resolve } from 'node:path';
import { measureCommandCost, root } from './lib/command-cost.mjs';
import { measureLintPerDocument } from './lib/lint-per-document.mjs';

// A typical pair: an administrator statement plus a Secrets Manager statement, and its IAM policy.
const policies = ['corrected-key-policy.json', 'corrected-iam-policy.json'].map((p) => resolve(root, 'test/fixtures/lint', p));
const keyArn = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
measureCommandCost({ label: 'lint (key policy + IAM policy)', command: 'lint', args: ['lint', '--key-arn', keyArn, ...policies], work: 'reading and linting the policies' });

// Per document, in-process (issue 21): the cost that grows with the number of policies linted.
measureLintPerDocument({ root, key: keyArn });
