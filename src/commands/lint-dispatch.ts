// Which linter reads each lint input: policy documents go to the policy
// linter together (as always); a Terraform plan or CloudFormation template
// goes to the infrastructure reader, which lints its policies together.
import { detectInput, lintInfrastructure, type IacLintedFile, type InputFormat } from '../core/iac/index.js';
import { lintFiles, type LintInput, type LintOptions } from '../core/lint/index.js';

/** Lints every input; results keep the input order (an infrastructure file gives one result per policy). */
export async function lintInputs(inputs: LintInput[], forced: InputFormat | undefined, opts: LintOptions): Promise<IacLintedFile[]> {
  const detected = inputs.map((i) => (forced ? { format: forced } : detectInput(i.text)));
  const policies = inputs.filter((_, i) => detected[i]!.format === 'json');
  const linted = lintFiles(policies, opts);
  const out: IacLintedFile[] = [];
  for (const [i, input] of inputs.entries()) {
    const { format, source } = detected[i]!;
    if (format === 'json') out.push(linted[policies.indexOf(input)]!);
    else out.push(...(await lintInfrastructure(input.name, input.text, format, opts, source)));
  }
  return out;
}
