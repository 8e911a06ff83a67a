// A Terraform plan (`terraform show -json`) with every shape the plan reader
// handles, generated from a seed: keys with ARNs named by IAM policies (the
// cross-policy checks between keys and the IAM policies that name them), role
// inline policies, policy documents, modules, planned_values and prior_state,
// a deleted key, policies unknown until apply, names written twice, and the
// escapes Terraform writes (\u003c for "<", non-ASCII text, an astral character).

const ACCOUNT = '111122223333';
const REGION = 'us-east-1';

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const keyId = (k: number) => `${String(k).padStart(8, '0')}-12ab-34cd-56ef-1234567890ab`;
const keyArn = (k: number) => `arn:aws:kms:${REGION}:${ACCOUNT}:key/${keyId(k)}`;

function keyPolicy(rand: () => number, k: number): object {
  const root = { Sid: 'Root', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' };
  const statements: object[] = [rand() < 0.8 ? root : { ...root, Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/admin` } }];
  const shape = rand();
  if (shape < 0.3) statements.push({ Sid: 'Open', Effect: 'Allow', Principal: '*', Action: 'kms:Decrypt', Resource: '*' });
  else if (shape < 0.5) statements.push({ Sid: 'Ebs', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/app-${k}` }, Action: ['kms:Encrypt', 'kms:Decrypt'], Resource: '*', Condition: { StringEquals: { 'kms:ViaService': `ebs.${REGION}.amazonaws.com` } } });
  else if (shape < 0.7) statements.push({ Sid: 'Tagged', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/caf\u00e9-${k}` }, Action: 'kms:Decrypt', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/team': `<a&b> \u{1F511} ${k}` } } });
  else statements.push({ Sid: 'Sign', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/signer-${k}` }, Action: ['kms:Sign', 'kms:Verify'], Resource: '*' });
  return { Version: '2012-10-17', Statement: statements };
}

function iamPolicy(rand: () => number, keys: number): object {
  const named = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => Math.floor(rand() * keys));
  const shape = rand();
  const resource = shape < 0.6 ? named.map(keyArn) : shape < 0.8 ? '*' : `arn:aws:kms:${REGION}:${ACCOUNT}:alias/app-${named[0]}`;
  const action = rand() < 0.5 ? ['kms:Decrypt', 'kms:GenerateDataKey'] : ['kms:*'];
  const statement: Record<string, unknown> = { Effect: 'Allow', Action: action, Resource: resource };
  if (rand() < 0.3) statement.Condition = { StringEquals: { 'kms:ViaService': `s3.${REGION}.amazonaws.com` } };
  if (rand() < 0.2) statement.Sid = `Uses${named.join('And')}`;
  return { Version: '2012-10-17', Statement: [statement] };
}

interface Resource {
  address: string;
  mode: string;
  type: string;
  name: string;
  values: Record<string, unknown>;
}

/** The plan's JSON text: `keys` keys and `iamPolicies` (default: as many) IAM policies and documents; layout pretty (2 spaces), compact, or pretty with CRLF line ends. */
export function terraformPlanText(keys: number, opts: { seed?: number; iamPolicies?: number; layout?: 'pretty' | 'compact' | 'crlf' } = {}): string {
  const rand = prng(opts.seed ?? 7);
  const changes: object[] = [];
  const planned: Resource[] = [];
  const child: Resource[] = [];
  const prior: Resource[] = [];
  const configResources: object[] = [];
  for (let k = 0; k < keys; k++) {
    const address = `aws_kms_key.key_${k}`;
    const values: Record<string, unknown> = { description: `key ${k}`, policy: JSON.stringify(keyPolicy(rand, k)), arn: keyArn(k), key_id: keyId(k) };
    if (k % 4 === 3) values.customer_master_key_spec = 'RSA_2048';
    if (k % 4 === 3) values.key_usage = 'SIGN_VERIFY';
    const unknownPolicy = k % 9 === 5;
    if (unknownPolicy) delete values.policy;
    const actions = k % 11 === 10 ? ['delete'] : k % 3 === 0 ? ['update'] : ['create'];
    changes.push({ address, mode: 'managed', type: 'aws_kms_key', name: `key_${k}`, change: { actions, before: null, after: actions[0] === 'delete' ? null : values, after_unknown: unknownPolicy ? { policy: true, arn: true } : { arn: false } } });
    configResources.push({ address, mode: 'managed', type: 'aws_kms_key', name: `key_${k}`, expressions: k % 2 === 0 ? { description: { constant_value: `key ${k}` } } : { policy: { references: ['data.aws_iam_policy_document.p'] } } });
    planned.push({ address, mode: 'managed', type: 'aws_kms_key', name: `key_${k}`, values });
  }
  for (let i = 0; i < (opts.iamPolicies ?? keys); i++) {
    const policy = JSON.stringify(iamPolicy(rand, keys));
    const r = rand();
    if (r < 0.4) planned.push({ address: `aws_iam_policy.use_${i}`, mode: 'managed', type: 'aws_iam_policy', name: `use_${i}`, values: { name: `use-${i}`, policy } });
    else if (r < 0.6) child.push({ address: `module.app.aws_iam_role_policy.use_${i}`, mode: 'managed', type: 'aws_iam_role_policy', name: `use_${i}`, values: { role: `app-${i}`, policy } });
    else if (r < 0.8) {
      const inline = [{ name: `inline-${i}`, policy }, { name: 'second', policy: JSON.stringify(iamPolicy(rand, keys)) }];
      planned.push({ address: `aws_iam_role.app_${i}`, mode: 'managed', type: 'aws_iam_role', name: `app_${i}`, values: { name: `app-${i}`, assume_role_policy: '{}', inline_policy: inline } });
    } else prior.push({ address: `data.aws_iam_policy_document.doc_${i}`, mode: 'data', type: 'aws_iam_policy_document', name: `doc_${i}`, values: { json: r < 0.9 ? policy : JSON.stringify(keyPolicy(rand, i)) } });
  }
  const plan = {
    format_version: '1.2',
    terraform_version: '1.9.0',
    planned_values: { root_module: { resources: planned, child_modules: [{ address: 'module.app', resources: child }] } },
    resource_changes: changes,
    prior_state: { format_version: '1.0', values: { root_module: { resources: prior } } },
    configuration: { root_module: { resources: configResources } },
  };
  let text = opts.layout === 'compact' ? JSON.stringify(plan) : JSON.stringify(plan, null, 2);
  // Terraform escapes <, > and & in strings (Go's encoding/json).
  text = text.replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
  // A name written twice: the last copy is read, the first is a KW904 error.
  text = text.replace('"description": "key 1",', '"description": "first copy", "description": "key 1",').replace('"description":"key 1",', '"description":"first copy","description":"key 1",');
  return opts.layout === 'crlf' ? text.replace(/\n/g, '\r\n') : text;
}
