import { useEffect, useId, useRef, useState, type SubmitEvent } from 'react';
import type { Obligation, ObligationTransitionRequest } from '#domain/contracts/obligations.ts';
import { ChoiceButtons } from '#src/components/ui/choice-buttons.tsx';
import { Field, inputClasses } from '#src/components/ui/field.tsx';
import { FormActions } from '#src/components/ui/form-actions.tsx';
import { isApiProblem } from '#src/lib/api-problem.ts';
import { describeError } from '#src/lib/describe-error.ts';
import { useFocusFirstInvalid } from '#src/lib/use-focus-first-invalid.ts';
import { useTransitionObligation } from '../api/transition-obligation.ts';

type Move = ObligationTransitionRequest['to'];
const moveLabels: Record<Move, string> = { fulfilment_recorded: 'Record fulfilment', confirmed: 'Confirm fulfilment', open: 'Send back' };

/** The moves the viewer may make on an obligation: the owner team records fulfilment, the approving role confirms or sends it back. */
export function ObligationActions({ obligation, inOwnerTeam, holdsApprovingRole }: { obligation: Obligation; inOwnerTeam: boolean; holdsApprovingRole: boolean }) {
  const [move, setMove] = useState<Move | null>(null);
  const moves: Move[] = [];
  if (inOwnerTeam && (obligation.status === 'open' || obligation.status === 'lapsed')) moves.push('fulfilment_recorded');
  if (!inOwnerTeam && holdsApprovingRole && obligation.status === 'fulfilment_recorded') moves.push('confirmed', 'open');
  if (moves.length === 0) return null;
  if (move) return <MoveForm obligation={obligation} move={move} onDone={() => setMove(null)} />;
  return <ChoiceButtons choices={moves} labels={moveLabels} onChoose={setMove} />;
}

function MoveForm({ obligation, move, onDone }: { obligation: Obligation; move: Move; onDone: () => void }) {
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [text, setText] = useState('');
  const [link, setLink] = useState('');
  const transition = useTransitionObligation();
  useFocusFirstInvalid(formRef, transition.error);
  useEffect(() => formRef.current?.querySelector('textarea')?.focus(), []);
  const error = transition.error;
  const at = (pointer: string) => (isApiProblem(error) ? error.fieldError(pointer) : undefined);
  const textPointer = move === 'fulfilment_recorded' ? '/evidence/text' : '/note';
  const shown = at(textPointer) ?? at('/evidence/link');
  const general = error && !shown ? (at('/to') ?? describeError(error)) : undefined;

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (transition.isPending) return;
    const revision = obligation.revision;
    const request: ObligationTransitionRequest = move === 'fulfilment_recorded' ? { to: move, revision, evidence: { text, link: link.trim() === '' ? null : link.trim() } } : { to: move, revision, note: text };
    transition.mutate({ packageId: obligation.packageId, obligationId: obligation.id, request }, { onSuccess: onDone });
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby={`${id}-title`} className="space-y-3 rounded-md border border-blue-800 bg-white p-3">
      <h4 id={`${id}-title`} className="font-semibold">
        {moveLabels[move]}
      </h4>
      <Field label={move === 'fulfilment_recorded' ? 'Evidence of fulfilment' : move === 'confirmed' ? 'Note (optional)' : 'Why it is sent back'} error={at(textPointer)}>
        {(props) => <textarea {...props} rows={3} className={inputClasses} value={text} onChange={(e) => setText(e.target.value)} />}
      </Field>
      {move === 'fulfilment_recorded' && (
        <Field label="Link to the evidence (optional)" error={at('/evidence/link')}>
          {(props) => <input {...props} type="url" className={inputClasses} value={link} onChange={(e) => setLink(e.target.value)} />}
        </Field>
      )}
      {general && (
        <p role="alert" className="text-red-800">
          {general}
        </p>
      )}
      <FormActions submit={moveLabels[move]} pending={transition.isPending} onCancel={onDone} />
    </form>
  );
}
