// Per-document lint cost, in-process (issue 21): the built library's
// lintPolicy over many generated key and IAM policies (bench/lib/policies.mjs),
// so process start-up is left out. Prints the median and spread of the cost
// per document over several rounds; asserts nothing.
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { keyPolicy } from './policies.mjs';

/** IAM policies like those next to a key: one to three statements naming the key. */
function iamPolicy(k, key) {
  const statements = [{ Sid: 'UseKey', Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: key }];
  if (k % 2) statements.push({ Effect: 'Allow', Action: 'kms:DescribeKey', Resource: key, Condition: { StringEquals: { 'kms:ViaService': 's3.us-east-1.amazonaws.com' } } });
  if (k % 3 === 0) statements.push({ Effect: 'Allow', Action: 'kms:ListAliases', Resource: '*' });
  return { Version: '2012-10-17', Statement: statements };
}

/** `count` documents: key policies of 2 to 8 statements and IAM policies, alternating, as JSON text. */
export function lintDocuments(count, key) {
  return Array.from({ length: count }, (_, k) => JSON.stringify(k % 2 ? iamPolicy(k, key) : keyPolicy(2 + (k % 7), 1000 + k), null, 2));
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

/**
 * Lints every document once per round (after one warm-up round) and prints
 * CPU milliseconds per document: median of the rounds, with min and max.
 */
export function measureLintPerDocument({ root, count = 2000, rounds = 15, key }) {
  const require = createRequire(import.meta.url);
  const { lintPolicy } = require(resolve(root, process.env.KMS_WIZARD_LIB ?? 'dist/index.cjs'));
  const docs = lintDocuments(count, key);
  let findings = 0;
  const round = () => {
    // CPU time, not wall time: on a shared machine the wall clock also counts other processes' turns.
    const start = process.cpuUsage();
    for (const d of docs) findings += lintPolicy(d).findings.length;
    const { user, system } = process.cpuUsage(start);
    return (user + system) / 1000 / docs.length;
  };
  round();
  const perDoc = Array.from({ length: rounds }, round).sort((a, b) => a - b);
  const f = (ms) => `${ms.toFixed(4)} ms`;
  console.log(`lint per document, CPU time in-process (${count} generated key + IAM policies, ${rounds} rounds)`);
  console.log(`  median ${f(quantile(perDoc, 0.5))}  (min ${f(perDoc[0])}, p90 ${f(quantile(perDoc, 0.9))}, max ${f(perDoc.at(-1))}); ${findings / (rounds + 1) / count} findings/document`);
  return quantile(perDoc, 0.5);
}
