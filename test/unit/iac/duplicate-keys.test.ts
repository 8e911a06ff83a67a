// Duplicate names in a JSON template or plan (issue 22): JSON.parse, Python's
// json and Terraform's Go reader keep the LAST copy, so a decoy first copy must
// neither hide the policy that deploys nor pass unnoticed.
import { expect, test } from 'vitest';
import { detectInput, lintInfrastructure } from '../../../src/core/iac/index.js';

const KEY_ARN = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const decoy = { Version: '2012-10-17', Statement: [{ Sid: 'Root', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' }] };
const open = { Version: '2012-10-17', Statement: [{ Sid: 'Anyone', Effect: 'Allow', Principal: '*', Action: 'kms:*', Resource: '*' }] };

async function lint(text: string) {
  const { format, source } = detectInput(text);
  expect(format).not.toBe('json');
  const results = await lintInfrastructure('file.json', text, format as 'terraform-plan' | 'cloudformation', {}, source);
  return results.flatMap((r) => r.findings.map((f) => ({ code: f.code, severity: f.severity, line: f.line, message: f.message })));
}

test('a CloudFormation KeyPolicy written twice: the last copy (Principal "*", kms:*) is checked, and the duplicate is an error', async () => {
  const text = `{
  "Resources": {
    "Key": {
      "Type": "AWS::KMS::Key",
      "Properties": {
        "KeyPolicy": ${JSON.stringify(decoy)},
        "KeyPolicy": ${JSON.stringify(open)}
      }
    }
  }
}`;
  expect(JSON.parse(text).Resources.Key.Properties.KeyPolicy).toEqual(open); // what deploys
  const findings = await lint(text);
  expect(findings).toContainEqual(expect.objectContaining({ code: 'KW904', severity: 'error', line: 6 }));
  // The open policy's own problems are found, so "No problems found" is impossible.
  expect(findings.filter((f) => f.code !== 'KW904' && f.severity === 'error').length).toBeGreaterThan(0);
});

test('a resource Type written twice: the last one decides what the resource is', async () => {
  const text = `{"Resources": {"Key": {"Type": "AWS::S3::Bucket", "Type": "AWS::KMS::Key", "Properties": {"KeyPolicy": ${JSON.stringify(open)}}}}}`;
  const findings = await lint(text);
  expect(findings.map((f) => f.code)).toContain('KW904');
  expect(findings.filter((f) => f.code !== 'KW904' && f.severity === 'error').length).toBeGreaterThan(0);
});

test('a Terraform plan whose policy attribute is written twice: the last is checked', async () => {
  const plan = (first: unknown, last: unknown) => `{"format_version": "1.2", "planned_values": {"root_module": {"resources": [
  {"address": "aws_kms_key.k", "type": "aws_kms_key", "name": "k", "values": {"policy": ${JSON.stringify(JSON.stringify(first))},
   "policy": ${JSON.stringify(JSON.stringify(last))}, "arn": "${KEY_ARN}"}}]}}}`;
  const bad = await lint(plan(decoy, open));
  expect(bad.filter((f) => f.code === 'KW904')).toHaveLength(1);
  expect(bad.filter((f) => f.code !== 'KW904' && f.severity === 'error').length).toBeGreaterThan(0);
  // The same two copies the other way round: the harmless one deploys, only the duplicate is reported as an error.
  const swapped = await lint(plan(open, decoy));
  expect(swapped.filter((f) => f.severity === 'error').map((f) => f.code)).toEqual(['KW904']);
});

test('duplicates at any level are reported, each at the copy that is ignored', async () => {
  const text = '{"format_version": "1.2", "format_version": "1.2", "planned_values": {"root_module": {"resources": [], "resources": []}}}';
  const findings = await lint(text);
  expect(findings.filter((f) => f.code === 'KW904')).toHaveLength(2);
});

test("a plan's parsed value is handed over once: a second read of the same detectInput source parses the text again, with the same result", async () => {
  const text = JSON.stringify({ format_version: '1.2', planned_values: { root_module: { resources: [{ address: 'aws_kms_key.k', type: 'aws_kms_key', values: { policy: JSON.stringify(open) } }] } } }, null, 2);
  const { format, source } = detectInput(text);
  expect(format).toBe('terraform-plan');
  const first = await lintInfrastructure('plan.json', text, 'terraform-plan', {}, source);
  const second = await lintInfrastructure('plan.json', text, 'terraform-plan', {}, source);
  expect(second).toEqual(first);
  expect(first[0]!.findings.map((f) => f.code)).toContain('KW401');
});
