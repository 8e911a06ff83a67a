import type { RuleMeta } from '../types.js';

/** The JSON is valid but is a list, string or number: a policy is an object. */
export const notAnObject: RuleMeta = {
  code: 'KW002',
  name: 'not-an-object',
  severity: 'error',
  title: 'The document is not a JSON object',
};

export function notAnObjectMessage(type: string): string {
  return `The document is a JSON ${type}, not a policy: a policy is an object such as {"Version": "2012-10-17", "Statement": [...]}.`;
}
