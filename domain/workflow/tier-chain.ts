import type { WorkflowTemplate } from '../contracts/workflow-template.ts';

// Which chain a package is decided under once the tier that applies changes (docs/decisions/0167).
// Tier 1 is the strictest. Before any decision the tier selects the chain, whichever way it moves;
// after one, a stricter tier still moves the package to the stricter tier's chain (a tier 1 model
// is never approved through a tier 3 chain), and a laxer one never loosens the chain under way.

export interface TierChainFacts {
  /** The tier whose chain the package is decided under now. */
  currentTier: number;
  /** The tier that applies now (the applied assessment's). */
  tier: number;
  /** Someone has decided a step of the package (any version, any kind). */
  decided: boolean;
  /** The chain is complete: the approval stands, and a later tier is a matter for re-review. */
  approved: boolean;
}

export function movesChain({ currentTier, tier, decided, approved }: TierChainFacts): boolean {
  if (tier === currentTier) return false;
  if (!decided) return true;
  return !approved && tier < currentTier;
}

type Step = Pick<WorkflowTemplate['steps'][number], 'key' | 'role'>;

/** A decision counts for a step of another chain only where that chain has the same step in the same role: what the decision signed. */
const sameStep = (a: Step, b: Step) => a.key === b.key && a.role === b.role;

/** The steps the move keeps (with the decisions signed on them), adds (pending), and drops (their decisions no longer count). */
export function chainChange(from: { steps: readonly Step[] }, to: { steps: readonly Step[] }): { kept: string[]; added: string[]; dropped: string[] } {
  return {
    kept: to.steps.filter((s) => from.steps.some((f) => sameStep(f, s))).map((s) => s.key),
    added: to.steps.filter((s) => !from.steps.some((f) => sameStep(f, s))).map((s) => s.key),
    dropped: from.steps.filter((f) => !to.steps.some((s) => sameStep(f, s))).map((f) => f.key),
  };
}
