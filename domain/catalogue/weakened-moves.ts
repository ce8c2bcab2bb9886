import type { Policy } from '../contracts/policies.ts';
import type { WorkflowTemplate } from '../contracts/workflow-template.ts';
import type { PolicyBody, TemplateBody, Weakening } from './catalogue-comparison.ts';
import { policyMoves, templateMoves, type Move } from './displaced.ts';
import { policyWeakenings } from './weakened-policy.ts';
import { templateWeakenings } from './weakened-template.ts';

// What packages lose when a publication moves them to another key (docs/decisions/0192,
// amendment of 2026-12-06). A key taking packages is listed when the one it displaces was
// stricter; a key letting packages go always says where they fall, as a narrowed scope does.

interface Versioned {
  key: string;
  version: number;
}

const joined = (found: Weakening[]) => found.map((w) => w.message.charAt(0).toLowerCase() + w.message.slice(1)).join('; ');
const named = (v: Versioned) => `${v.key} v${v.version}`;

function described<T extends Versioned>(move: Move<T>, key: string, noun: string, field: string, compare: (from: T, to: T) => Weakening[]): Weakening[] {
  const { from, to } = move;
  if (to?.key === key) {
    const lost = from ? compare(from, to) : [];
    return from && lost.length > 0 ? [{ field, message: `Takes ${move.packages} from ${named(from)}: ${joined(lost)}` }] : [];
  }
  if (from?.key !== key) return [];
  const lost = to ? compare(from, to) : [];
  const packages = move.packages.charAt(0).toUpperCase() + move.packages.slice(1);
  return [{ field, message: `${packages} fall to ${to ? named(to) : `no ${noun}`}${lost.length > 0 ? `: ${joined(lost)}` : ''}` }];
}

/** The current policies (every key's versions) and the proposed version of one key. */
export function movedPolicyWeakenings(catalogue: readonly Policy[], proposed: PolicyBody): Weakening[] {
  // Scopes differ between keys by design; only what the packages are checked against counts.
  const compare = (from: PolicyBody, to: PolicyBody) => policyWeakenings(from, to).filter((w) => !w.field.startsWith('/scope'));
  return policyMoves(catalogue, { ...proposed, version: 1 }).flatMap((move) => described(move, proposed.key, 'policy', '/scope', compare));
}

export function movedTemplateWeakenings(catalogue: readonly WorkflowTemplate[], proposed: TemplateBody): Weakening[] {
  const { businessLines, ...rest } = proposed;
  // An empty list of lines is every line (the publication stores none).
  const candidate: WorkflowTemplate = { ...rest, version: 1, ...(businessLines && businessLines.length > 0 ? { businessLines } : {}) };
  return templateMoves(catalogue, candidate).flatMap((move) => described(move, proposed.key, 'template', '/riskTiers', templateWeakenings));
}
