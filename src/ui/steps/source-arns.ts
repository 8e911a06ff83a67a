// The services step's second part, shown when a service acting as itself is
// chosen: optional source ARNs that narrow it, with the default scope (what
// is generated when none are given) spelled out first.
import { scopeSentence } from '../../core/service-principal-explanation.js';
import { validate } from '../answers.js';
import type { Answers } from '../answer-types.js';
import type { KeyEvent } from '../../terminal/keys.js';
import { blank, line, para, seg, type Line } from '../../terminal/lines.js';
import type { WizardState } from '../state.js';
import { listKeys, listView } from './principal-list.js';
import type { ViewContext } from './types.js';

/** Whether the chosen services include one that acts as itself (only then are source ARNs asked). */
export function wantsSources(s: WizardState): boolean {
  const r = validate(s.answers);
  return r.ok && r.value.principalServices.length > 0;
}

/** One line per service acting as itself: its scope when no source ARN is given, and an ARN that would narrow it. */
export function defaultScopeLines(a: Answers): string[] {
  // The default, whatever was typed since: the source ARNs given are listed on their own.
  const r = validate({ ...a, sourceArns: undefined });
  if (!r.ok) return [];
  return r.value.principalServices.map((p) => {
    const how = p.entry.sourceArn ? `narrow with e.g. ${p.entry.sourceArn.example}` : 'cannot be narrowed further';
    return `${p.entry.id}: ${scopeSentence(r.value, p)} (${how})`;
  });
}

export function sourcesKeys(s: WizardState, ev: KeyEvent): WizardState | undefined {
  if (ev.kind === 'escape') return { ...s, servicesPhase: undefined, issues: [] };
  const next = listKeys(s, ev, 'sourceArns');
  // An empty Enter moved on: the next visit starts at the list again.
  return next && next.screen !== s.screen ? { ...next, servicesPhase: undefined } : next;
}

export function sourcesView(s: WizardState, ctx: ViewContext): Line[] {
  const scope: Line[] = [
    ...para('Default scope, used when no source ARN is given:', ctx.width),
    ...defaultScopeLines(s.answers).flatMap((t) => para(line(seg('  • ', { dim: true }), t), ctx.width, 4)),
  ];
  const rest = listView(
    s,
    { ...ctx, height: Math.max(6, ctx.height - scope.length - 1) },
    'sourceArns',
    'Optional: the ARNs of the resources (trail, log group, event bus, rule, bucket, ...) these services may act for. Each is matched to its service by the ARN.',
    'the default scope above',
    'arn:aws:cloudtrail:us-east-1:111122223333:trail/my-trail',
  );
  // The input line and what is wrong with it come first: the scope gives up its lines when the list needs them.
  return [...fitScope(scope, ctx.height - rest.length - 1), blank, ...rest].slice(0, ctx.height);
}

/** The scope in `room` lines: cut with a marker when it does not fit. */
function fitScope(scope: readonly Line[], room: number): Line[] {
  if (scope.length <= room) return [...scope];
  if (room <= 0) return [];
  return [...scope.slice(0, room - 1), line(seg('  … (more of the default scope on a taller terminal)', { dim: true }))];
}
