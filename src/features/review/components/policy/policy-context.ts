import { createContext, useContext } from 'react';
import type { PolicyEvaluation } from '#domain/contracts/policies.ts';

// The version's check against the organisation's policy, for the section bodies that show a
// metric: through context, so the memoized section bodies need no new prop (null: no policy).
export const PolicyEvaluationContext = createContext<PolicyEvaluation | null>(null);

export function usePolicyEvaluation(): PolicyEvaluation | null {
  return useContext(PolicyEvaluationContext);
}

