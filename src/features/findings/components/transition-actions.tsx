import { useEffect, useId, useRef, useState, type SubmitEvent } from 'react';
import type { Finding, FindingStatus, FindingTransitionRequest } from '#domain/contracts/findings.ts';
import { nextStatuses } from '#domain/findings/lifecycle.ts';
import { ChoiceButtons } from '#src/components/ui/choice-buttons.tsx';
import { Field, inputClasses } from '#src/components/ui/field.tsx';
import { FormActions } from '#src/components/ui/form-actions.tsx';
import { useFocusFirstInvalid } from '#src/lib/use-focus-first-invalid.ts';
import { useTransitionFinding } from '../api/transition-finding.ts';
import { problemFields } from '../problem-fields.ts';

type Move = FindingStatus;

const moveLabels: Record<Move, string> = {
  remediation_proposed: 'Propose a remediation',
  remediated: 'Mark remediated',
  verified: 'Verify and close',
  open: 'Reopen',
  risk_accepted: 'Accept the risk',
};
const textLabels: Record<Move, string> = {
  remediation_proposed: 'Remediation plan',
  remediated: 'What was done (and in which version)',
  verified: 'How you verified it',
  open: 'Why it is reopened',
  risk_accepted: 'Rationale for accepting the risk',
};

interface Props {
  finding: Finding;
  /** Whether the viewer is of the package's owner team, and whether they hold the raising role. */
  inOwnerTeam: boolean;
  holdsRaisingRole: boolean;
}

/** The moves the viewer may make on a finding, each a button that opens its small form. */
export function TransitionActions({ finding, inOwnerTeam, holdsRaisingRole }: Props) {
  const [move, setMove] = useState<Move | null>(null);
  const ownerMoves: readonly FindingStatus[] = ['remediation_proposed', 'remediated'];
  const mine = nextStatuses(finding.status).filter((to) => (ownerMoves.includes(to) ? inOwnerTeam : holdsRaisingRole && !inOwnerTeam));
  if (mine.length === 0) return null;
  if (move) return <TransitionForm finding={finding} move={move} onDone={() => setMove(null)} />;
  return <ChoiceButtons choices={mine} labels={moveLabels} onChoose={setMove} />;
}

function TransitionForm({ finding, move, onDone }: { finding: Finding; move: Move; onDone: () => void }) {
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [text, setText] = useState(move === 'remediation_proposed' ? finding.remediationPlan : '');
  const [expiresOn, setExpiresOn] = useState('');
  const transition = useTransitionFinding();
  const pointer = move === 'remediation_proposed' ? '/plan' : move === 'risk_accepted' ? '/rationale' : '/note';
  const { at, general } = problemFields(transition.error, { text: pointer, expiresOn: '/expiresOn', to: '/to' });
  useFocusFirstInvalid(formRef, transition.error);
  // Opened from its button: the text to write is where the reader's attention goes.
  useEffect(() => formRef.current?.querySelector('textarea')?.focus(), []);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (transition.isPending) return;
    const revision = finding.revision;
    const request: FindingTransitionRequest =
      move === 'remediation_proposed' ? { to: move, revision, plan: text } : move === 'risk_accepted' ? { to: move, revision, rationale: text, expiresOn } : { to: move, revision, note: text };
    transition.mutate({ packageId: finding.packageId, findingId: finding.id, request }, { onSuccess: onDone });
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby={`${id}-title`} className="space-y-3 rounded-md border border-blue-800 bg-white p-3">
      <h4 id={`${id}-title`} className="font-semibold">
        {moveLabels[move]}
      </h4>
      <Field label={textLabels[move]} error={at('text')}>
        {(props) => <textarea {...props} rows={3} className={inputClasses} value={text} onChange={(e) => setText(e.target.value)} />}
      </Field>
      {move === 'risk_accepted' && (
        <Field label="The acceptance expires on" hint="At most five years ahead; an expired acceptance blocks approvals again." error={at('expiresOn')}>
          {(props) => <input {...props} type="date" className={inputClasses} value={expiresOn} onChange={(e) => setExpiresOn(e.target.value)} />}
        </Field>
      )}
      {(general ?? at('to')) && (
        <p role="alert" className="text-red-800">
          {general ?? at('to')}
        </p>
      )}
      <FormActions submit={moveLabels[move]} pending={transition.isPending} onCancel={onDone} />
    </form>
  );
}
