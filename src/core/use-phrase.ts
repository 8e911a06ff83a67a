// Which actions go with which service, for build()'s explanation: services
// that need different actions get their own statements (see actionGroups),
// so one list of every action "through A and B" would say more than the
// policy allows (EBS's CreateGrant is not allowed through Secrets Manager).
import type { ActionGroup } from './build-types.js';

const list = (xs: readonly string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);
const bare = (a: string) => a.replace(/^kms:/, '');

/** "Decrypt and GenerateDataKey, only through X" for one group; each group with its own services when there are several. */
export function usePhrase(groups: readonly ActionGroup[]): string {
  const phrases = groups.map((g) => {
    const actions = [...g.use.map(bare), ...(g.grants ? ['CreateGrant (for AWS resources only)'] : [])].sort();
    return `${list(actions)}, only through ${list(g.via)}`;
  });
  return phrases.join('; and ');
}
