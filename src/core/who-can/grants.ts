// Reads `aws kms list-grants --key-id K` output ("ListGrants",
// https://docs.aws.amazon.com/kms/latest/APIReference/API_ListGrants.html):
// Grants[] with KeyId (the key ARN), GrantId, Name, GranteePrincipal,
// RetiringPrincipal, IssuingAccount, Operations and Constraints
// (EncryptionContextSubset / EncryptionContextEquals, "GrantConstraints",
// https://docs.aws.amazon.com/kms/latest/APIReference/API_GrantConstraints.html).
import { ExportError } from './export-error.js';
import { isObject, parseExportValue } from './json-text.js';
import type { KeyGrant } from './model.js';

function pairs(file: string, field: string, value: unknown): Record<string, string> {
  if (!isObject(value)) throw new ExportError(file, field, 'expected an object of encryption context pairs');
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'string') throw new ExportError(file, `${field}.${k}`, 'expected a string');
    out[k] = v;
  }
  return out;
}

/** The key's grants; refuses grants of another key (list-grants run with another --key-id). */
export function readGrants(file: string, textValue: string, keyArn: string): KeyGrant[] {
  const value = parseExportValue(file, textValue);
  if (!isObject(value) || !Array.isArray(value.Grants)) throw new ExportError(file, 'Grants', 'expected the output of aws kms list-grants ({"Grants": [...]})');
  if (value.Truncated === true) throw new ExportError(file, 'Truncated', 'the list is truncated (Truncated is true): grants are missing; run aws kms list-grants without --no-paginate or --max-items');
  const keyId = keyArn.split('/').pop();
  return value.Grants.map((g, i): KeyGrant => {
    const field = `Grants[${i}]`;
    if (!isObject(g)) throw new ExportError(file, field, 'expected an object');
    if (typeof g.KeyId === 'string' && g.KeyId !== keyArn && g.KeyId !== keyId) {
      throw new ExportError(file, `${field}.KeyId`, `the grant is for ${g.KeyId}, not ${keyArn}: run aws kms list-grants --key-id ${keyArn}`);
    }
    if (typeof g.GrantId !== 'string' || g.GrantId === '') throw new ExportError(file, `${field}.GrantId`, 'missing');
    if (typeof g.GranteePrincipal !== 'string' || g.GranteePrincipal === '') throw new ExportError(file, `${field}.GranteePrincipal`, 'missing');
    if (!Array.isArray(g.Operations) || g.Operations.some((o) => typeof o !== 'string')) throw new ExportError(file, `${field}.Operations`, 'expected a list of operation names');
    let constraint: KeyGrant['constraint'];
    if (g.Constraints !== undefined) {
      if (!isObject(g.Constraints)) throw new ExportError(file, `${field}.Constraints`, 'expected an object');
      if (g.Constraints.EncryptionContextEquals !== undefined) constraint = { kind: 'EncryptionContextEquals', pairs: pairs(file, `${field}.Constraints.EncryptionContextEquals`, g.Constraints.EncryptionContextEquals) };
      else if (g.Constraints.EncryptionContextSubset !== undefined) constraint = { kind: 'EncryptionContextSubset', pairs: pairs(file, `${field}.Constraints.EncryptionContextSubset`, g.Constraints.EncryptionContextSubset) };
    }
    return {
      grantId: g.GrantId,
      ...(typeof g.Name === 'string' && g.Name !== '' ? { name: g.Name } : {}),
      granteePrincipal: g.GranteePrincipal,
      ...(typeof g.RetiringPrincipal === 'string' && g.RetiringPrincipal !== '' ? { retiringPrincipal: g.RetiringPrincipal } : {}),
      operations: (g.Operations as string[]).map((o) => (o.startsWith('kms:') ? o : `kms:${o}`)),
      ...(constraint ? { constraint } : {}),
    };
  });
}
