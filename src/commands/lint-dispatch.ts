// Which linter reads each lint input: policy documents go to the policy
// linter together (as always); a Terraform plan or CloudFormation template
// goes to the infrastructure reader, which lints its policies together.
// lint and explain both read their files here.
import { detectInput, filePosition, lintInfrastructure, readPolicyInput, type IacLintedFile, type InputFormat, type ReadInputOptions } from '../core/iac/index.js';
import { lintFiles, type LintInput, type LintOptions } from '../core/lint/index.js';

/** Lints every input; results keep the input order (an infrastructure file gives one result per policy). */
export async function lintInputs(inputs: LintInput[], forced: InputFormat | undefined, opts: LintOptions, read: Pick<ReadInputOptions, 'yaml' | 'intrinsics'> = {}): Promise<IacLintedFile[]> {
  const detected = inputs.map((i) => (forced ? { format: forced } : detectInput(i.text)));
  // A policy file is its own policy, or the policy inside `aws kms get-key-policy`'s JSON output.
  const documents = await Promise.all(inputs.map(async (input, i) => (detected[i]!.format === 'json' ? { input, read: await readPolicyInput(input.text, { format: 'json' }) } : undefined)));
  const policies = documents.flatMap((d) => {
    if (!d?.read.ok) return [];
    const policy = d.read.policies[0]!;
    const type = d.input.type ?? policy.kind;
    return [{ name: d.input.name, text: policy.text, ...(type ? { type } : {}) }];
  });
  const linted = lintFiles(policies, opts);
  const out: IacLintedFile[] = [];
  let next = 0;
  for (const [i, input] of inputs.entries()) {
    const { format, source } = detected[i]!;
    const document = documents[i];
    if (document?.read.ok) {
      const file = linted[next++]!;
      const read = document.read;
      const policy = read.policies[0]!;
      // A wrapped policy's findings are moved onto the file's own lines.
      out.push({ ...file, findings: file.findings.map((f) => ({ ...f, ...filePosition(read, policy, f.line, f.column) })) });
    } else if (format !== 'json') out.push(...(await lintInfrastructure(input.name, input.text, format, opts, source, read)));
  }
  return out;
}
