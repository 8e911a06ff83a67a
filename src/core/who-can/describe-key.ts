// Reads `aws kms describe-key` output ("DescribeKey",
// https://docs.aws.amazon.com/kms/latest/APIReference/API_DescribeKey.html;
// "KeyMetadata", https://docs.aws.amazon.com/kms/latest/APIReference/API_KeyMetadata.html).
import { ExportError } from './export-error.js';
import { isObject, parseExportValue } from './json-text.js';
import type { KeyDescription } from './model.js';

export function readDescribeKey(file: string, textValue: string, keyArn: string): KeyDescription {
  const value = parseExportValue(file, textValue);
  const meta = isObject(value) && isObject(value.KeyMetadata) ? value.KeyMetadata : undefined;
  if (!meta) throw new ExportError(file, 'KeyMetadata', 'expected the output of aws kms describe-key ({"KeyMetadata": {...}})');
  if (typeof meta.Arn !== 'string') throw new ExportError(file, 'KeyMetadata.Arn', 'missing');
  if (meta.Arn !== keyArn) throw new ExportError(file, 'KeyMetadata.Arn', `describes ${meta.Arn}, not ${keyArn}: run aws kms describe-key --key-id ${keyArn}`);
  // KeySpec replaced CustomerMasterKeySpec; older outputs have only the latter.
  const keySpec = typeof meta.KeySpec === 'string' ? meta.KeySpec : typeof meta.CustomerMasterKeySpec === 'string' ? meta.CustomerMasterKeySpec : undefined;
  if (!keySpec) throw new ExportError(file, 'KeyMetadata.KeySpec', 'missing');
  if (typeof meta.KeyUsage !== 'string') throw new ExportError(file, 'KeyMetadata.KeyUsage', 'missing');
  if (meta.KeyManager !== 'AWS' && meta.KeyManager !== 'CUSTOMER') throw new ExportError(file, 'KeyMetadata.KeyManager', 'expected "AWS" or "CUSTOMER"');
  return {
    arn: meta.Arn,
    keySpec,
    keyUsage: meta.KeyUsage,
    keyManager: meta.KeyManager,
    multiRegion: meta.MultiRegion === true,
    ...(typeof meta.Origin === 'string' ? { origin: meta.Origin } : {}),
  };
}
