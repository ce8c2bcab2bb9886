import { useState, type SubmitEvent } from 'react';
import { catalogueVerb, useCatalogueProposes } from '#src/lib/catalogue-proposes.ts';
import { FormFooter } from '#src/components/ui/form-footer.tsx';
import { Field, inputClasses } from '#src/components/ui/field.tsx';
import { ProposedNotice } from '#src/components/ui/proposed-notice.tsx';
import { isApiProblem } from '#src/lib/api-problem.ts';
import { useAddBusinessLine } from '../api/change-business-lines.ts';

/** A new line's name; the server refuses a second spelling or a look-alike of a listed line beside the field. */
export function AddBusinessLineForm() {
  const adding = useAddBusinessLine();
  const proposes = useCatalogueProposes();
  const [label, setLabel] = useState('');
  const [blank, setBlank] = useState(false);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (adding.isPending) return;
    setBlank(label.trim() === '');
    if (label.trim() === '') return;
    adding.mutate(label.trim(), { onSuccess: () => setLabel('') });
  };
  const labelError = blank ? 'Name the business line' : isApiProblem(adding.error) ? adding.error.fieldError('/label') : undefined;

  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      <Field label="Business line" hint="As packages, policies and templates will name it, for example “Auto loans”." error={labelError}>
        {(props) => <input {...props} className={inputClasses} value={label} onChange={(e) => setLabel(e.target.value)} />}
      </Field>
      {adding.data?.proposed && <ProposedNotice />}
      <FormFooter error={adding.error} errorShownAtField={labelError !== undefined} pending={adding.isPending} submitLabel={`${catalogueVerb(proposes, 'Add')} business line`} pendingLabel={proposes ? 'Proposing…' : 'Adding…'} />
    </form>
  );
}
