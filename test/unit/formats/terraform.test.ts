import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from '@cdktf/hcl2json';
import { describe, expect, it } from 'vitest';
import { renderTerraform, TERRAFORM_FILE } from '../../../src/output/formats/terraform.js';
import { hclString } from '../../../src/output/formats/hcl.js';
import { BUILT, CONCRETE_KEY_ARN, NEW_KEY_BUILT } from './specs.js';

/** Throws (non-zero exit) when terraform fmt would change the file or cannot parse it. */
function expectTerraformFmt(content: string): void {
  const dir = mkdtempSync(join(tmpdir(), 'kms-wizard-tf-'));
  try {
    writeFileSync(join(dir, TERRAFORM_FILE), content);
    execFileSync('terraform', ['fmt', '-check', '-diff', dir], { env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null' }, stdio: 'pipe' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// hcl2json turns a .tf file into JSON: blocks become arrays of objects, a
// literal object expression becomes JSON, any other expression stays as
// its "${...}" source text.
type Block = Record<string, unknown>;
interface TfJson {
  locals: Record<string, unknown>[];
  provider?: { aws: Block[] };
  resource: Record<string, Record<string, Block[]>>;
  output?: Record<string, Block[]>;
}

async function parseTf(content: string): Promise<TfJson> {
  return (await parse(TERRAFORM_FILE, content)) as TfJson;
}

const localOf = (expr: unknown) => /^\$\{jsonencode\(local\.([a-z0-9_]+)\)\}$/.exec(String(expr))?.[1];

const hasTerraform = (() => {
  try {
    execFileSync('terraform', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe.each(BUILT)('terraform: $name', ({ result }) => {
  const [file] = renderTerraform(result);

  it('is one file named kms-policy.tf', () => {
    expect(renderTerraform(result).map((f) => f.name)).toEqual(['kms-policy.tf']);
  });

  it('parses as HCL, and the key policy is jsonencode() of exactly the JSON document', async () => {
    const tf = await parseTf(file!.content);
    const locals = Object.assign({}, ...tf.locals) as Record<string, unknown>;
    const kms = tf.resource.aws_kms_key_policy!;
    const regions = result.spec.key.multiRegion ? result.spec.regions : [result.spec.key.region];
    expect(Object.keys(kms)).toHaveLength(regions.length);
    for (const [, [block]] of Object.entries(kms)) {
      expect(block!.key_id).toBe(result.spec.key.keyId);
      const local = localOf(block!.policy);
      expect(local).toBeDefined();
      // Deep, type-strict equality: the same document once parsed (key order aside, as in JSON).
      expect(locals[local!]).toStrictEqual(result.keyPolicy);
    }
  });

  it('has one aws_iam_policy per IAM policy file, each exactly its document, in the right account', async () => {
    const tf = await parseTf(file!.content);
    const locals = Object.assign({}, ...tf.locals) as Record<string, unknown>;
    const policies = tf.resource.aws_iam_policy ?? {};
    expect(Object.keys(policies)).toHaveLength(result.iamPolicies.length);
    const aliases = new Map((tf.provider?.aws ?? []).map((p) => [p.alias as string, p]));
    for (const p of result.iamPolicies) {
      const own = p.account === result.spec.key.account;
      const [block] = policies[own ? 'kms_wizard' : `kms_wizard_${p.account}`]!;
      expect(locals[localOf(block!.policy)!]).toStrictEqual(p.policy);
      if (own) {
        expect(block!.provider).toBeUndefined();
      } else {
        // A resource in another account goes through a provider that refuses any other account.
        expect(block!.provider).toBe(`\${aws.account_${p.account}}`);
        expect(aliases.get(`account_${p.account}`)?.allowed_account_ids).toEqual([p.account]);
      }
    }
  });

  it('attaches each IAM policy to the roles and users named for its account', async () => {
    const tf = await parseTf(file!.content);
    const attached = ['role', 'user'].flatMap((kind) =>
      Object.values(tf.resource[`aws_iam_${kind}_policy_attachment`] ?? {}).map(([b]) => `${kind}:${b![kind]}:${b!.policy_arn}`),
    );
    const expected = result.iamPolicies.flatMap((p) =>
      p.attachTo.map((arn) => {
        const [, kind, name] = /:(role|user)\/(?:.*\/)?([^/]+)$/.exec(arn)!;
        const policy = p.account === result.spec.key.account ? 'kms_wizard' : `kms_wizard_${p.account}`;
        return `${kind}:${name}:\${aws_iam_policy.${policy}.arn}`;
      }),
    );
    expect(attached.sort()).toEqual(expected.sort());
  });

  it('puts a comment above every statement', () => {
    const distinctIam = new Map(result.iamPolicies.map((p) => [JSON.stringify(p.policy), p.policy]));
    const statements = [result.keyPolicy, ...distinctIam.values()].reduce((n, d) => n + d.Statement.length, 0);
    const commented = file!.content.match(/^\s*# \w+: .*\n\s*(?:#.*\n\s*)*\{$/gm) ?? [];
    expect(commented).toHaveLength(statements);
  });

  it.skipIf(!hasTerraform)('is already in terraform fmt style (terraform fmt -check)', () => expectTerraformFmt(file!.content));
});

describe('terraform: multi-Region keys', () => {
  const { result } = BUILT.find((b) => b.result.spec.key.multiRegion)!;
  it('attaches the key policy to every replica through a provider for its Region', async () => {
    const tf = await parseTf(renderTerraform(result)[0]!.content);
    const [replica] = tf.resource.aws_kms_key_policy!.replica_us_west_2!;
    expect(replica!.provider).toBe('${aws.us_west_2}');
    expect(tf.provider!.aws.find((p) => p.alias === 'us_west_2')?.region).toBe('us-west-2');
  });
});

describe('hclString', () => {
  it('escapes quotes, backslashes and template sequences so the value stays literal', () => {
    expect(hclString('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(hclString('${var.x} %{if}')).toBe('"$${var.x} %%{if}"');
  });
});

describe.each(NEW_KEY_BUILT)('terraform, a new key: $name', ({ result }) => {
  const [file] = renderTerraform(result);
  const { key, regions } = result.spec;
  const replicaRegions = key.multiRegion ? regions.filter((r) => r !== key.region) : [];

  it('creates the key (aws_kms_key) with exactly the key policy, and attaches no policy to an existing key', async () => {
    const tf = await parseTf(file!.content);
    const locals = Object.assign({}, ...tf.locals) as Record<string, unknown>;
    expect(tf.resource.aws_kms_key_policy).toBeUndefined();
    const [k] = tf.resource.aws_kms_key!.this!;
    expect(locals[localOf(k!.policy)!]).toStrictEqual(result.keyPolicy);
    expect(k!.multi_region).toBe(key.multiRegion ? true : undefined);
    expect(k!.provider).toBeUndefined();
    expect(tf.output).toEqual({ key_arn: [{ value: '${aws_kms_key.this.arn}' }] });
  });

  it('creates each replica of a multi-Region key in its Region, with the same key policy', async () => {
    const tf = await parseTf(file!.content);
    const replicas = tf.resource.aws_kms_replica_key ?? {};
    expect(Object.keys(replicas).sort()).toEqual(replicaRegions.map((r) => `replica_${r.replace(/-/g, '_')}`).sort());
    for (const r of replicaRegions) {
      const [b] = replicas[`replica_${r.replace(/-/g, '_')}`]!;
      expect(b!.provider).toBe(`\${aws.${r.replace(/-/g, '_')}}`);
      expect(b!.primary_key_arn).toBe('${aws_kms_key.this.arn}');
      expect(localOf(b!.policy)).toBe('key_policy');
    }
  });

  it('each IAM policy is the planned document naming the created key by reference', async () => {
    const tf = await parseTf(file!.content);
    const locals = Object.assign({}, ...tf.locals) as Record<string, unknown>;
    const policies = tf.resource.aws_iam_policy ?? {};
    expect(Object.keys(policies)).toHaveLength(result.iamPlans.length);
    const refs = regions.filter((r) => key.multiRegion || r === key.region).map((r) => (r === key.region ? '${aws_kms_key.this.arn}' : `\${aws_kms_replica_key.replica_${r.replace(/-/g, '_')}.arn}`));
    for (const p of result.iamPlans) {
      const [block] = policies[p.account === key.account ? 'kms_wizard' : `kms_wizard_${p.account}`]!;
      expect(locals[localOf(block!.policy)!]).toStrictEqual(p.naming(refs.length === 1 ? refs[0] : refs));
      expect(block!.name).toBeUndefined();
      expect(block!.name_prefix).toBe('kms-wizard-');
    }
  });

  it('holds no key ARN: nothing to make up before the key exists', () => {
    expect(file!.content).not.toMatch(CONCRETE_KEY_ARN);
    expect(file!.content).toMatch(/^# Key: a new key in account 111122223333/m);
  });

  it.skipIf(!hasTerraform)('is already in terraform fmt style (terraform fmt -check)', () => expectTerraformFmt(file!.content));
});
