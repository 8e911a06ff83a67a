// `generate --stdout key-policy`: one of the generated files, printed alone as the pure file
// (JSON for the JSON format), so it pipes into `jq` or
// `aws kms put-key-policy --policy file:///dev/stdin`.
import { UsageError } from '../cli/errors.js';
import { safeText } from '../core/terminal-safe.js';
import type { OutputFile } from '../output/formats/types.js';

/** argv without the file named after `--stdout` (or in `--stdout=NAME`), and that name. */
export function takeStdoutSelection(argv: readonly string[]): { argv: string[]; select?: string } {
  const out: string[] = [];
  let select: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      out.push(...argv.slice(i));
      break;
    }
    if (a.startsWith('--stdout=')) {
      select = a.slice('--stdout='.length);
      out.push('--stdout');
    } else if (a === '--stdout' && argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('-')) {
      select = argv[++i];
      out.push('--stdout');
    } else out.push(a);
  }
  return select === undefined ? { argv: out } : { argv: out, select };
}

/** The file `select` names, by its name with or without the extension ("key-policy", "iam-policy-999988887777.json"). */
export function selectStdoutFile(files: readonly OutputFile[], select: string): OutputFile {
  const stem = (name: string) => name.replace(/\.[^.]+$/, '');
  const found = files.find((f) => f.name === select || stem(f.name) === select);
  if (found) return found;
  throw new UsageError(`--stdout ${safeText(select)}: no such file; this run writes ${files.map((f) => stem(f.name)).join(', ')}`);
}
