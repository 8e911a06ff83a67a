/**
 * AWS global condition keys [IAM User Guide: reference_policies_condition-keys;
 * KMS Developer Guide: conditions-aws, "AWS KMS supports all global condition
 * keys"]. AWS adds keys now and then, so an `aws:` key missing here is only a
 * warning unless it is a near miss of a listed one.
 */
export const GLOBAL_CONDITION_KEYS: readonly string[] = [
  // Properties of the principal
  'aws:PrincipalArn', 'aws:PrincipalAccount', 'aws:PrincipalOrgPaths', 'aws:PrincipalOrgID',
  'aws:PrincipalIsAWSService', 'aws:PrincipalServiceName', 'aws:PrincipalServiceNamesList',
  'aws:PrincipalType', 'aws:userid', 'aws:username',
  // Properties of the role session
  'aws:AssumedRoot', 'aws:FederatedProvider', 'aws:TokenIssueTime', 'aws:MultiFactorAuthAge',
  'aws:MultiFactorAuthPresent', 'aws:ChatbotSourceArn', 'aws:Ec2InstanceSourceVpc',
  'aws:Ec2InstanceSourcePrivateIPv4', 'aws:SourceIdentity',
  // Properties of the network
  'aws:SourceIp', 'aws:SourceVpc', 'aws:SourceVpcArn', 'aws:SourceVpce', 'aws:VpceAccount',
  'aws:VpceOrgID', 'aws:VpceOrgPaths', 'aws:VpcSourceIp',
  // Properties of the resource
  'aws:ResourceAccount', 'aws:ResourceOrgID', 'aws:ResourceOrgPaths',
  // Properties of the request
  'aws:CalledVia', 'aws:CalledViaFirst', 'aws:CalledViaLast', 'aws:ViaAWSService', 'aws:CurrentTime',
  'aws:EpochTime', 'aws:referer', 'aws:RequestedRegion', 'aws:TagKeys', 'aws:SecureTransport',
  'aws:SourceAccount', 'aws:SourceArn', 'aws:SourceOrgID', 'aws:SourceOrgPaths', 'aws:UserAgent',
];

/** Global keys with a tag-key suffix: `aws:ResourceTag/Environment`. */
export const GLOBAL_TAG_KEY_PREFIXES: readonly string[] = ['aws:PrincipalTag/', 'aws:RequestTag/', 'aws:ResourceTag/'];

/** Global keys that hold several values (so `ForAnyValue:` / `ForAllValues:` fit them). */
const MULTI_VALUED = new Set(
  ['aws:PrincipalOrgPaths', 'aws:PrincipalServiceNamesList', 'aws:VpceOrgPaths', 'aws:ResourceOrgPaths',
    'aws:CalledVia', 'aws:TagKeys', 'aws:SourceOrgPaths'].map((k) => k.toLowerCase()),
);

const KNOWN = new Set(GLOBAL_CONDITION_KEYS.map((k) => k.toLowerCase()));

/** Whether `key` (any case: condition key names are case-insensitive) is a listed global key. */
export function isGlobalConditionKey(key: string): boolean {
  const lower = key.toLowerCase();
  return KNOWN.has(lower) || GLOBAL_TAG_KEY_PREFIXES.some((p) => lower.startsWith(p.toLowerCase()) && lower.length > p.length);
}

/** For a listed global key: whether it is multivalued. Undefined for keys not listed. */
export function globalKeyIsMultiValued(key: string): boolean | undefined {
  if (!isGlobalConditionKey(key)) return undefined;
  return MULTI_VALUED.has(key.toLowerCase());
}
