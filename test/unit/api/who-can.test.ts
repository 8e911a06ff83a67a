// The library API's whoCan: the same answer as the command, from the exports' texts.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { whoCan, WhoCanInputError } from '../../../src/api/index.js';

const D = fileURLToPath(new URL('../../fixtures/who-can/org/', import.meta.url));
const file = (name: string) => ({ name, text: readFileSync(D + name, 'utf8') });
const KEY = 'arn:aws:kms:eu-west-1:222222222222:key/mrk-1234abcd12ab34cd56ef1234567890ab';

describe('whoCan (library API)', () => {
  test('answers from the exports: a grantee, a service-only principal, a takeover', () => {
    const a = whoCan({ keyArn: KEY, keyPolicy: file('key-policy.json'), accountDetails: [file('prod-account.json'), file('dev-account.json')], grants: file('grants.json'), describeKey: file('describe-key.json') });
    expect(a.key).toBe(KEY);
    expect(a.access.find((x) => x.principal.endsWith(':role/Batch'))?.via).toBe('grant');
    expect(a.access.filter((x) => x.principal.endsWith(':role/DataLoader')).every((x) => x.via === 'service')).toBe(true);
    expect(a.takeover.some((t) => t.principal.endsWith(':role/PowerDev') && t.action === 'kms:PutKeyPolicy')).toBe(true);
  });

  test('a malformed export throws WhoCanInputError with the file and the field', () => {
    const call = () => whoCan({ keyArn: KEY, keyPolicy: { name: 'kp.json', text: '{"Policy": "not json"}' } });
    expect(call).toThrow(WhoCanInputError);
    try {
      call();
    } catch (err) {
      expect(err).toMatchObject({ file: 'kp.json', field: 'Policy' });
    }
  });

  test('two exports of the same account are refused', () => {
    expect(() => whoCan({ keyArn: KEY, keyPolicy: file('key-policy.json'), accountDetails: [file('prod-account.json'), { ...file('prod-account.json'), name: 'again.json' }] })).toThrow(/second export of account 222222222222/);
  });

  test('a key ARN that does not parse is a TypeError', () => {
    expect(() => whoCan({ keyArn: 'alias/app', keyPolicy: file('key-policy.json') })).toThrow(TypeError);
  });
});
