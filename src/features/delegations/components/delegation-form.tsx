import { useState, type SubmitEvent } from 'react';
import { maxDelegationDays } from '#domain/contracts/delegations.ts';
import { isReviewerRole, roleLabels, type Role } from '#domain/contracts/roles.ts';
import { buttonClasses } from '#src/components/ui/button.ts';
import { ErrorNotice } from '#src/components/ui/error-notice.tsx';
import { Field, inputClasses } from '#src/components/ui/field.tsx';
import { LoadingNotice } from '#src/components/ui/loading-notice.tsx';
import { isApiProblem } from '#src/lib/api-problem.ts';
import { describeError } from '#src/lib/describe-error.ts';
import { useCreateDelegation } from '../api/create-delegation.ts';
import { useUserDirectory } from '../api/get-user-directory.ts';

const isoDate = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const dayMs = 24 * 60 * 60_000;

/** A day in the browser's time zone: from its first moment, or (for the last day) up to the next day's. */
const startOf = (day: string) => new Date(`${day}T00:00`).toISOString();
const endOf = (day: string) => new Date(new Date(`${day}T00:00`).getTime() + dayMs).toISOString();

interface Props {
  viewer: { id: string; roles: readonly Role[] };
}

/** Delegate one of your reviewer roles to a named colleague, for whole days, at most 90. */
export function DelegationForm({ viewer }: Props) {
  const roles = viewer.roles.filter(isReviewerRole);
  const directory = useUserDirectory();
  const creating = useCreateDelegation();
  const [role, setRole] = useState<Role | ''>(roles[0] ?? '');
  const [delegateId, setDelegateId] = useState('');
  const [from, setFrom] = useState(() => isoDate(new Date()));
  const [until, setUntil] = useState(() => isoDate(new Date(Date.now() + 7 * dayMs)));
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);

  if (roles.length === 0) return <p>You hold no reviewer role, so there is nothing for you to delegate.</p>;
  if (directory.isPending) return <LoadingNotice>Loading your colleagues…</LoadingNotice>;
  if (directory.isError) return <ErrorNotice title="Your colleagues could not be loaded." error={directory.error} onRetry={() => void directory.refetch()} retrying={directory.isFetching} />;

  const colleagues = directory.data.filter((u) => u.id !== viewer.id && u.roles.some(isReviewerRole));
  const serverError = (pointer: string) => (isApiProblem(creating.error) ? creating.error.fieldError(pointer) : undefined);
  const fieldPointers = ['/role', '/delegateId', '/startsAt', '/endsAt', '/reason'];
  const otherError = creating.error && !(isApiProblem(creating.error) && creating.error.fieldErrors.some((e) => fieldPointers.includes(e.pointer)));

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (creating.isPending || role === '') return;
    setDone(null);
    creating.mutate(
      { role, delegateId, startsAt: startOf(from), endsAt: endOf(until), reason },
      {
        onSuccess: (created) => {
          setDone(`${roleLabels[created.role]} delegated to ${created.delegate.displayName}.`);
          setReason('');
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <Field label="Role" error={serverError('/role')}>
        {(props) => (
          <select {...props} className={inputClasses} value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {roleLabels[r]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Delegate to" hint="The colleague who decides your steps while you are away: not someone who decides another step of the packages waiting for this role." error={serverError('/delegateId')}>
        {(props) => (
          <select {...props} className={inputClasses} value={delegateId} onChange={(e) => setDelegateId(e.target.value)}>
            <option value="">Choose a colleague</option>
            {colleagues.map((u) => (
              <option key={u.id} value={u.id}>
                {u.displayName}
                {u.title && `, ${u.title}`}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="From" error={serverError('/startsAt')}>
          {(props) => <input {...props} type="date" className={inputClasses} value={from} onChange={(e) => setFrom(e.target.value)} />}
        </Field>
        <Field label="Until (inclusive)" hint={`At most ${maxDelegationDays} days.`} error={serverError('/endsAt')}>
          {(props) => <input {...props} type="date" className={inputClasses} value={until} onChange={(e) => setUntil(e.target.value)} />}
        </Field>
      </div>
      <Field label="Reason" hint="For example the absence; it is recorded with every decision the delegate signs." error={serverError('/reason')}>
        {(props) => <input {...props} className={inputClasses} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      {otherError && (
        <p role="alert" className="text-red-800">
          {describeError(creating.error)}
        </p>
      )}
      <p role="status">{done}</p>
      <button type="submit" className={buttonClasses.primary}>
        {creating.isPending ? 'Delegating…' : 'Delegate role'}
      </button>
    </form>
  );
}
