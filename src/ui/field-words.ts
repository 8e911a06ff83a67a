/**
 * The wizard speaks of what is on screen. Validation hints come from core,
 * written for `generate` ("Give --account ..."); in the wizard a flag means
 * nothing, so each is said as the field or step that sets it.
 */
const SCREEN_NAME: Readonly<Record<string, string>> = {
  account: 'the Account field',
  region: 'the Region list',
  'key-arn': 'the key ARN field',
  'new-key': '"a new key"',
  service: 'the Services step',
  'source-arn': 'the source ARN field',
  consumer: 'the Consumers step',
  admin: 'the Administrators step',
  access: 'the Trust step',
  actions: 'the Actions step',
};

/** Words after a flag that begin the sentence again rather than give the flag's value. */
const NOT_A_VALUE = new Set(['with', 'to', 'if', 'for', 'or', 'and', 'instead', 'lists']);

/** `hint` with every wizard flag said as its field: "Give --region, e.g. --region us-east-1" -> "Fill in the Region list, e.g. us-east-1". */
export function inWizardWords(hint: string): string {
  return hint
    .replace(/\(?(?:see )?kms-wizard generate --help(?: for the list| lists them)?\)?/g, '(the Services step lists them)')
    .replace(/\b(e\.g\.|such as|just) --([a-z-]+) (\S+)/g, (m, lead: string, flag: string, value: string) => (SCREEN_NAME[flag] ? `${lead} ${value}` : m))
    .replace(/\b(Remove|remove|Drop|drop) this --([a-z-]+)/g, (m, verb: string, flag: string) => (SCREEN_NAME[flag] ? `${verb} it from ${SCREEN_NAME[flag]}` : m))
    .replace(/\buse --access (\S+)/g, 'choose "$1" on the Trust step')
    .replace(/\bunless --([a-z-]+) is given/g, (m, flag: string) => (SCREEN_NAME[flag] ? `unless changed on ${SCREEN_NAME[flag]}` : m))
    .replace(/\bGive --([a-z-]+)/g, (m, flag: string) => (SCREEN_NAME[flag] ? `Fill in ${SCREEN_NAME[flag]}` : m))
    .replace(/--([a-z-]+)(?: ([^\s,;)]+))?/g, (m, flag: string, value: string | undefined) => {
      const name = SCREEN_NAME[flag];
      if (!name) return m;
      return value !== undefined && !NOT_A_VALUE.has(value) ? `${value} on ${name}` : value !== undefined ? `${name} ${value}` : name;
    });
}
