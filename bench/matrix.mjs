// Benchmark: what computing a full access matrix adds to the CLI's start-up.
// Issue 3's target: `simulate --matrix` at most 10% over `--version` wall time.
// Prints ratios; asserts nothing (timings depend on the machine).
//   node bench/matrix.mjs                 (uses dist/cli.cjs)
//   KMS_WIZARD_BIN=.tmp/x/cli.js node bench/matrix.mjs
import { resolve } from 'node:path';
import { measureCommandCost, root } from './lib/command-cost.mjs';

const fixture = (name) => resolve(root, 'test/fixtures/evaluate', name);
const keyArn = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
// The Secrets Manager pattern: key policy (administrator + root with ViaService and CallerAccount) and its IAM policy.
const args = ['simulate', '--matrix', '--key-policy', fixture('key-policy-root-via-secrets.json'), '--iam-policy', fixture('iam-john.json'), '--key-arn', keyArn];
measureCommandCost({ label: 'simulate --matrix (6 scenarios)', command: 'simulate', args, work: 'reading the policies and evaluating the matrix' });
