import { DecisionPanel, type DecisionPanelProps } from '../features/signing/components/decision-panel.tsx';
import { useReceivedActiveDelegations } from '../features/delegations/api/get-delegations.ts';
import { useViewer } from '../lib/use-viewer.ts';

// The decision panel (signing) told which roles the viewer holds now by delegation
// (delegations): features do not import each other, so the route joins them here.
export function DelegatedDecisionPanel(props: Omit<DecisionPanelProps, 'actingFor'>) {
  const viewer = useViewer();
  const received = useReceivedActiveDelegations(viewer?.id);
  return <DecisionPanel {...props} actingFor={received} />;
}
