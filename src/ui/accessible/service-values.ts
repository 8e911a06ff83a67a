import { splitValues } from '../answers.js';
import { canonicalService } from '../choices.js';

/**
 * The services typed in accessible mode. Names are separated by commas; a name may have spaces
 * ("Secrets Manager", as a screen reader reads the list), so a comma-separated item is split at
 * spaces only when it is not itself a service: "secretsmanager ebs" still means two.
 */
export function splitServiceValues(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .flatMap((item) => {
      const whole = canonicalService(item);
      return whole !== item || !/\s/.test(item) ? [whole] : splitValues(item).map(canonicalService);
    });
}
