// Where lint reports each finding of a Terraform plan: file line:column,
// resource, kind, code and JSON pointer, for generated plans of every shape
// (pretty, compact, CRLF; many keys and IAM policies naming them; one key)
// and for the plan fixtures. The expected lists were written by the reader
// that built a position tree of the whole file; the reader that parses with
// JSON.parse and finds positions in one scan must report the same places.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { terraformPlanText } from '../helpers/terraform-plan.js';

interface JsonReport {
  files: { file: string; resource?: string; kind: string | null; findings: { code: string; line: number; column: number; pointer: string }[] }[];
}

/** One line a finding (or a policy without any): resource kind code line:column pointer. */
function positions(stdout: string): string {
  const report = JSON.parse(stdout) as JsonReport;
  const lines = report.files.flatMap((f) => {
    const owner = `${f.resource ?? '-'} ${f.kind ?? '-'}`;
    return f.findings.length === 0 ? [`${owner} none`] : f.findings.map((x) => `${owner} ${x.code} ${x.line}:${x.column} ${x.pointer}`);
  });
  return `${lines.join('\n')}\n`;
}

const work = mkdtempSync(join(tmpdir(), 'kms-wizard-plan-positions-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('lint reports findings of a Terraform plan where the plan wrote them', () => {
  const generated = {
    pretty: terraformPlanText(40, { layout: 'pretty' }),
    compact: terraformPlanText(40, { layout: 'compact' }),
    crlf: terraformPlanText(40, { layout: 'crlf' }),
    'one-key': terraformPlanText(1, { iamPolicies: 14, seed: 3 }),
  };
  for (const [name, text] of Object.entries(generated)) {
    test(`generated plan, ${name}`, async () => {
      writeFileSync(join(work, `plan-${name}.json`), text);
      const r = await runCli(['lint', '--json', `plan-${name}.json`], { cwd: work });
      expect(r.code, r.stderr).toBe(1);
      await expect(positions(r.stdout)).toMatchFileSnapshot(`../fixtures/iac/plan-positions/plan-${name}.txt`);
    });
  }
  for (const fixture of ['tf-0.12', 'tf-1.0', 'tf-1.5-bypass', 'tf-1.9-modules']) {
    test(`fixture ${fixture}.json`, async () => {
      const r = await runCli(['lint', '--json', `test/fixtures/iac/${fixture}.json`]);
      expect(r.stderr).toBe('');
      await expect(positions(r.stdout)).toMatchFileSnapshot(`../fixtures/iac/plan-positions/${fixture}.txt`);
    });
  }
});
