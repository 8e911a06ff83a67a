import { EXAMPLE_KEY_ARN, parseKeyArn } from '../core/arn.js';
import { REGION_PATTERN } from '../core/catalog/regions.js';
import { findService } from '../core/catalog/services.js';
import { didYouMean } from '../core/suggest.js';
import { LessonFormatError } from './lesson-format-error.js';
import { parseLessonYaml } from './lesson-yaml.js';
import { VALUE_PLACEHOLDER, type Exercise, type Goal, type PolicyRef, type RequestSpec } from './types.js';

const KINDS = ['predict', 'fix', 'choose', 'spot'] as const;
const COMMON_FIELDS = ['id', 'kind', 'title', 'prompt', 'hints', 'explain', 'keyArn', 'keyPolicy', 'iam'];
const KIND_FIELDS: Record<(typeof KINDS)[number], string[]> = {
  predict: ['request', 'detailed'],
  fix: ['edit', 'goals'],
  choose: ['into', 'options', 'goals'],
  spot: ['target'],
};
const REQUEST_FIELDS = ['principal', 'action', 'keyArn', 'viaService', 'encryptionContext', 'context'];
export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

type Fail = (problem: string) => never;

/** Parses one ```exercise block (YAML) into a checked Exercise. */
export function parseExercise(text: string, file: string, line: number): Exercise {
  const fail: Fail = (problem) => {
    throw new LessonFormatError(file, line, problem);
  };
  const obj = asObject(parseLessonYaml(text, file, line, 'exercise'), 'the exercise block', fail);
  const id = str(obj, 'id', fail);
  if (!ID_PATTERN.test(id)) fail(`exercise id "${id}" must be lower-case words joined by dashes`);
  const where: Fail = (problem) => fail(`exercise "${id}": ${problem}`);
  const kind = str(obj, 'kind', where) as (typeof KINDS)[number];
  if (!KINDS.includes(kind)) where(`kind "${kind}" is not one of ${KINDS.join(', ')}`);
  checkFields(obj, [...COMMON_FIELDS, ...KIND_FIELDS[kind]], 'field', where);

  const keyArn = obj.keyArn === undefined ? EXAMPLE_KEY_ARN : str(obj, 'keyArn', where);
  const parsedArn = parseKeyArn(keyArn);
  if (!parsedArn.ok) where(`keyArn: ${parsedArn.error.message}`);
  const hints = strList(obj, 'hints', where);
  if (hints.length === 0) where('needs at least one hint');
  const iamObj = obj.iam === undefined ? {} : asObject(obj.iam, 'iam', where);
  const iam: Record<string, string> = {};
  for (const [principal, policy] of Object.entries(iamObj)) {
    if (typeof policy !== 'string') where(`iam["${principal}"] must be the policy's JSON text (use "|" for a block)`);
    iam[principal] = policy;
  }
  const base = {
    id,
    title: str(obj, 'title', where),
    prompt: str(obj, 'prompt', where).trim(),
    hints,
    explain: str(obj, 'explain', where).trim(),
    keyArn,
    ...(obj.keyPolicy !== undefined ? { keyPolicy: str(obj, 'keyPolicy', where) } : {}),
    iam,
    line,
  };

  const policyText = (ref: PolicyRef): string | undefined => (ref === 'key' ? base.keyPolicy : iam[ref]);
  const requireRef = (field: string): PolicyRef => {
    const ref = str(obj, field, where);
    if (policyText(ref) === undefined) {
      where(`${field}: "${ref}" names no policy (use "key" for keyPolicy, or a principal ARN listed under iam)`);
    }
    return ref;
  };
  // Policies the learner does not edit must be valid JSON: a typo there is the lesson's bug, not the exercise.
  const requireJson = (except?: PolicyRef) => {
    const refs: PolicyRef[] = [...(base.keyPolicy !== undefined ? ['key'] : []), ...Object.keys(iam)];
    for (const ref of refs) {
      if (ref === except) continue;
      try {
        JSON.parse(policyText(ref)!);
      } catch (err) {
        where(`${ref === 'key' ? 'keyPolicy' : `iam["${ref}"]`} is not valid JSON: ${(err as Error).message}`);
      }
    }
  };

  switch (kind) {
    case 'predict': {
      if (base.keyPolicy === undefined) where('a predict exercise needs keyPolicy');
      requireJson();
      const detailed = obj.detailed === undefined ? false : obj.detailed;
      if (typeof detailed !== 'boolean') where('detailed must be true or false');
      return { ...base, kind, request: parseRequest(obj.request, 'request', where), detailed };
    }
    case 'fix': {
      if (base.keyPolicy === undefined) where('a fix exercise needs keyPolicy (its goals are evaluated against it)');
      const edit = requireRef('edit');
      requireJson(edit);
      return { ...base, kind, edit, goals: parseGoals(obj.goals, where) };
    }
    case 'choose': {
      if (base.keyPolicy === undefined) where('a choose exercise needs keyPolicy (its goals are evaluated against it)');
      const into = requireRef('into');
      if (!policyText(into)!.includes(VALUE_PLACEHOLDER)) where(`the policy named by "into" must contain ${VALUE_PLACEHOLDER}`);
      requireJson(into);
      const options = strList(obj, 'options', where);
      if (options.length < 2) where('needs at least two options');
      return { ...base, kind, into, options, goals: parseGoals(obj.goals, where) };
    }
    case 'spot': {
      const target = requireRef('target');
      requireJson(target);
      return { ...base, kind, target };
    }
  }
}

function parseGoals(value: unknown, fail: Fail): Goal[] {
  if (!Array.isArray(value) || value.length === 0) fail('goals must be a non-empty list');
  return value.map((g, i) => {
    const obj = asObject(g, `goals[${i}]`, fail);
    checkFields(obj, ['label', 'expect', 'request'], `goals[${i}] field`, fail);
    const expect = str(obj, 'expect', fail);
    if (expect !== 'Allow' && expect !== 'Deny') fail(`goals[${i}].expect must be Allow or Deny, not "${expect}"`);
    return { label: str(obj, 'label', fail), expect, request: parseRequest(obj.request, `goals[${i}].request`, fail) };
  });
}

function parseRequest(value: unknown, where: string, fail: Fail): RequestSpec {
  const obj = asObject(value, where, fail);
  checkFields(obj, REQUEST_FIELDS, `${where} field`, fail);
  const action = str(obj, 'action', fail);
  if (!action.startsWith('kms:')) fail(`${where}.action "${action}" must be a kms: action`);
  let viaService: RequestSpec['viaService'];
  if (typeof obj.viaService === 'string') viaService = obj.viaService;
  else if (obj.viaService !== undefined) {
    const via = asObject(obj.viaService, `${where}.viaService`, fail);
    const service = str(via, 'service', fail);
    const region = str(via, 'region', fail);
    if (!findService(service)) fail(`${where}.viaService: "${service}" is not a service in the catalog`);
    if (!REGION_PATTERN.test(region)) fail(`${where}.viaService: "${region}" is not a Region code`);
    viaService = { service, region };
  }
  const encryptionContext = obj.encryptionContext === undefined ? undefined : asObject(obj.encryptionContext, `${where}.encryptionContext`, fail);
  if (encryptionContext && !Object.values(encryptionContext).every((v) => typeof v === 'string')) {
    fail(`${where}.encryptionContext values must be strings`);
  }
  const context = obj.context === undefined ? undefined : asObject(obj.context, `${where}.context`, fail);
  for (const [k, v] of Object.entries(context ?? {})) {
    const okValue = typeof v === 'string' || typeof v === 'boolean' || (Array.isArray(v) && v.every((x) => typeof x === 'string'));
    if (!okValue) fail(`${where}.context["${k}"] must be text, true/false, or a list of texts`);
  }
  return {
    principal: str(obj, 'principal', fail),
    action,
    ...(obj.keyArn !== undefined ? { keyArn: str(obj, 'keyArn', fail) } : {}),
    ...(viaService !== undefined ? { viaService } : {}),
    ...(encryptionContext ? { encryptionContext: encryptionContext as Record<string, string> } : {}),
    ...(context ? { context: context as Record<string, string | boolean | string[]> } : {}),
  };
}

function asObject(value: unknown, what: string, fail: Fail): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(`${what} must be a mapping (key: value lines)`);
  return value as Record<string, unknown>;
}

function str(obj: Record<string, unknown>, field: string, fail: Fail): string {
  const v = obj[field];
  if (typeof v !== 'string' || v.trim() === '') fail(`"${field}" is missing or not text`);
  return v;
}

function strList(obj: Record<string, unknown>, field: string, fail: Fail): string[] {
  const v = obj[field];
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) fail(`"${field}" must be a list of texts`);
  return v.map((x: string) => x.trim());
}

function checkFields(obj: Record<string, unknown>, allowed: string[], what: string, fail: Fail): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) {
      const guess = didYouMean(key, allowed);
      fail(`unknown ${what} "${key}"${guess ? ` (did you mean "${guess}"?)` : ` (allowed: ${allowed.join(', ')})`}`);
    }
  }
}
