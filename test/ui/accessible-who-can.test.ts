// The accessible wizard with the accounts' exports: its review says who gains and loses access, in the
// words of the full-screen wizard's "Who can" tab.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { expect, test } from 'vitest';
import { makeStyle } from '../../src/cli/style.js';
import type { Ask } from '../../src/ui/accessible/questions.js';
import { runAccessible } from '../../src/ui/accessible/run.js';
import { KEY, orgInput } from '../unit/who-can/fixtures.js';

test('every question answered by flags: the review says "Who can." compared with a policy that allows nothing', async () => {
  const { keyPolicy: _unused, ...exports } = orgInput(['scp', 'rcp']);
  const stdout = new PassThrough();
  let text = '';
  stdout.on('data', (d: Buffer) => (text += d.toString()));
  const ask: Ask = async (q) => {
    throw new Error(`asked "${q.message}" though every question was answered`);
  };
  const io = { stdout, stderr: new PassThrough(), stdin: new PassThrough(), env: {}, cwd: mkdtempSync(join(tmpdir(), 'kms-wizard-acc-')) };
  const answers = { keyArn: KEY, admins: ['arn:aws:iam::222222222222:role/KeyAdmin'], consumers: [], access: 'iam' as const, services: ['s3'], regions: [], actions: [] };
  await runAccessible({ answers, exports, output: { choice: 'print', format: 'json', force: false }, formatGiven: true }, io, makeStyle(false), ask);
  const said = text.slice(text.indexOf('Who can. '));
  expect(said).toMatch(/^Who can\. No current policy was given \(--from\)/);
  expect(said).toMatch(/\n {2}user\/bob in 222222222222\n {6}gains Decrypt through s3\.eu-west-1\.amazonaws\.com/);
});
