// What is wrong with a --service answer (or the wizard's custom value) that
// looks like a kms:ViaService value but is not one, in the words lint's
// KW305 uses: a value without its Region never matches ("AWS KMS condition
// keys", https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html, kms:ViaService).
import { findService } from './catalog/services.js';
import { viaServiceShape } from './lint/via-service.js';

export function malformedViaServiceAnswer(value: string): { message: string; hint: string } {
  const shape = viaServiceShape(value);
  const problem = shape.kind === 'bad' ? shape.problem : 'is not of the form <service>.<region>.amazonaws.com';
  const fix = shape.kind === 'bad' ? shape.fix : 'secretsmanager.us-east-1.amazonaws.com';
  const service = value.toLowerCase().split('.')[0] ?? '';
  const known = findService(service);
  return {
    message: `the kms:ViaService value "${value}" ${problem}`,
    hint: known
      ? `Give the service by name, --service ${service} (its Regions come from --region, by default the key's Region), or a full value such as ${fix}`
      : `A full value is <service>.<region>.amazonaws.com, e.g. ${fix}; or give a service name such as secretsmanager`,
  };
}
