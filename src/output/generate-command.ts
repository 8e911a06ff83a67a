// The `kms-wizard generate` command line that gives the same answers as a
// build, so next steps can say "run it again with --key-arn (or --from)" as
// one command to copy, whether the answers came from flags or the wizard.
import type { ResolvedSpec } from '../core/spec.js';

/** What changes in the rerun: the key (an existing key's ARN), a current policy file, the format and directory. */
export interface GenerateCommandOptions {
  /** Name the key by this ARN (for a new key once it exists; the text may be a shell expression). */
  readonly keyArn?: string;
  /** `--from FILE`: the key's current policy. */
  readonly from?: string;
  readonly format?: string;
  readonly out?: string;
}

/** Single-quotes a value for a POSIX shell unless it is plainly safe. */
export function shellWord(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** The answers of `spec` as generate flags, each value shell-quoted; `keyArn` is inserted as given (it may be `"$KEY_ARN"`). */
export function generateCommand(spec: ResolvedSpec, options: GenerateCommandOptions = {}): string {
  const { key } = spec;
  const flags: string[] = [];
  const add = (flag: string, value?: string) => flags.push(value === undefined ? flag : `${flag} ${shellWord(value)}`);
  if (options.keyArn !== undefined) flags.push(`--key-arn ${options.keyArn}`);
  else if (key.isNew) {
    add('--new-key');
    add('--account', key.account);
    if (key.multiRegion) add('--multi-region');
    const { rotation } = spec.keyMaterial;
    if (!rotation.enabled && rotation.reason === 'turned-off') add('--no-rotation');
    if (rotation.enabled && rotation.periodDays !== undefined) add('--rotation-period', String(rotation.periodDays));
  } else add('--key-arn', key.arn);
  if (options.from !== undefined) add('--from', options.from);
  if (!spec.adminsDefaulted) for (const a of spec.admins) add('--admin', a);
  if (spec.access !== 'iam') add('--access', spec.access);
  const consumers = spec.consumers.flatMap((c) => (c.principals.length > 0 ? c.principals.map((p) => p.arn) : [c.account]));
  if (!(consumers.length === 1 && consumers[0] === key.account)) for (const c of consumers) add('--consumer', c);
  // A service that acts as itself brings its caller-role ViaService service along (logs): name only the former.
  const brought = new Set(spec.principalServices.map((p) => p.entry.callerViaService));
  const services = new Set([
    ...spec.services.filter((s) => s.customRegion || !brought.has(s.name)).map((s) => (s.customRegion ? `${s.name}.${s.customRegion}.amazonaws.com` : (s.entry?.id ?? s.name))),
    ...spec.principalServices.map((p) => p.entry.id),
  ]);
  for (const s of services) add('--service', s);
  for (const arn of new Set(spec.principalServices.flatMap((p) => p.sourceArns))) add('--source-arn', arn);
  // A new key's Region is the first --region; an existing key's is in its ARN.
  const keyRegionFlag = key.isNew && options.keyArn === undefined;
  const regions = keyRegionFlag ? [key.region, ...spec.regions.filter((r) => r !== key.region)] : spec.regions;
  const defaultRegions = !keyRegionFlag && regions.length === 1 && regions[0] === key.region;
  if (!defaultRegions) for (const r of regions) add('--region', r);
  if (spec.actionsOverridden) add('--actions', spec.actions.join(','));
  if (options.format !== undefined && options.format !== 'json') add('--format', options.format);
  if (options.out !== undefined && options.out !== '.') add('--out', options.out);
  return ['kms-wizard generate', ...flags].join(' ');
}
