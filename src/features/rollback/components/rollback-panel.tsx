import { useId, useRef, useState, type SubmitEvent } from 'react';
import { Link } from 'react-router';
import type { PackageDetail } from '#domain/contracts/packages.ts';
import { rollbackRoleSchema, type PackageRollback, type RollbackRole } from '#domain/contracts/rollbacks.ts';
import { roleLabels } from '#domain/contracts/roles.ts';
import { buttonClasses } from '#src/components/ui/button.ts';
import { DefinitionList } from '#src/components/ui/definition-list.tsx';
import { ErrorNotice } from '#src/components/ui/error-notice.tsx';
import { Field, inputClasses } from '#src/components/ui/field.tsx';
import { FormActions } from '#src/components/ui/form-actions.tsx';
import { isApiProblem } from '#src/lib/api-problem.ts';
import { describeError } from '#src/lib/describe-error.ts';
import { formatDateTime } from '#src/lib/format.ts';
import { useFocusFirstInvalid } from '#src/lib/use-focus-first-invalid.ts';
import { useViewer } from '#src/lib/use-viewer.ts';
import { usePackageRollback, useRollBackPackage } from '../api/package-rollback.ts';

// On the package page (docs/decisions/0135): a rolled-back approval says so, with who, when,
// why and which version is back in force; the approval in force offers the committee and model
// risk a rollback, with a reason, stating beforehand what it will put back in force.

const approved = (pkg: PackageDetail) => pkg.status === 'approved' || pkg.status === 'approved_with_conditions';

export function RollbackPanel({ pkg }: { pkg: PackageDetail }) {
  const viewer = useViewer();
  const query = usePackageRollback(pkg.id);
  const roles = (viewer?.roles ?? []).filter((r): r is RollbackRole => rollbackRoleSchema.safeParse(r).success);
  if (!approved(pkg)) return null;
  if (query.isError) return <ErrorNotice title="Whether this approval was rolled back could not be loaded." error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  const state = query.data;
  if (!state) return null;
  if (state.rollback) return <RolledBack rollback={state.rollback} />;
  if (state.refusal !== null || roles.length === 0) return null;
  return <RollBackForm pkg={pkg} roles={roles} wouldRestore={state.wouldRestore} />;
}

function RolledBack({ rollback: r }: { rollback: PackageRollback }) {
  return (
    <section aria-labelledby="rollback-heading" className="space-y-3 rounded-md border-2 border-red-700 bg-red-50 p-4">
      <h2 id="rollback-heading" className="text-xl font-bold text-red-900">
        Approval rolled back
      </h2>
      <p>This version must not be deployed: the deployment gate refuses it.</p>
      <DefinitionList
        layout="aligned"
        facts={[
          ['Rolled back by', `${r.rolledBackBy.displayName} (${roleLabels[r.role]}), ${formatDateTime(r.at)}`],
          ['Reason', r.reason],
          [
            'Back in force',
            r.restored ? (
              <Link key="restored" to={`/packages/${r.restored.packageId}`} className="underline">
                Version {r.restored.versionLabel}
              </Link>
            ) : (
              'No earlier approved version: the model has no approval in force'
            ),
          ],
        ]}
      />
    </section>
  );
}

function RollBackForm({ pkg, roles, wouldRestore }: { pkg: PackageDetail; roles: readonly RollbackRole[]; wouldRestore: { packageId: string; versionLabel: string } | null }) {
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [open, setOpen] = useState(false);
  const [role, setRole] = useState<RollbackRole>(roles[0] ?? 'committee');
  const [reason, setReason] = useState('');
  const rolling = useRollBackPackage();
  useFocusFirstInvalid(formRef, rolling.error);
  const at = (field: string) => (isApiProblem(rolling.error) ? rolling.error.fieldError(`/${field}`) : undefined);
  const general = rolling.error && !at('reason') && !at('role') ? describeError(rolling.error) : undefined;
  const restores = wouldRestore ? `Version ${wouldRestore.versionLabel} of ${pkg.modelName}, the previous approved version, will be back in force.` : `${pkg.modelName} has no earlier approved version: no version of it will be approved.`;

  if (!open) {
    return (
      <section aria-labelledby={`${id}-title`} className="space-y-2">
        <h2 id={`${id}-title`} className="text-xl font-bold">
          Rollback
        </h2>
        <p>This is the approval in force for {pkg.modelName}.</p>
        <button type="button" className={buttonClasses.secondary} onClick={() => setOpen(true)}>
          Roll back this approval
        </button>
      </section>
    );
  }
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!rolling.isPending) rolling.mutate({ packageId: pkg.id, request: { role, reason } });
  };
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby={`${id}-title`} className="space-y-4 rounded-md border border-slate-300 bg-white p-4">
      <h2 id={`${id}-title`} className="text-xl font-bold">
        Roll back this approval
      </h2>
      <p>
        Version {pkg.versionLabel} will no longer be approved: the deployment gate refuses it and a registry it came from is told the approval lapsed. {restores} The rollback is recorded with your
        name and reason, and cannot be undone.
      </p>
      {roles.length > 1 && (
        <Field label="Acting as" error={at('role')}>
          {(props) => (
            <select {...props} className={inputClasses} value={role} onChange={(e) => setRole(roles.find((r) => r === e.target.value) ?? role)}>
              {roles.map((r) => (
                <option key={r} value={r}>
                  {roleLabels[r]}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field label="Reason" hint="At least 10 characters; it is kept in the audit log and the record." error={at('reason')}>
        {(props) => <textarea {...props} rows={3} className={inputClasses} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      {(general ?? (roles.length === 1 ? at('role') : undefined)) && (
        <p role="alert" className="text-red-800">
          {general ?? at('role')}
        </p>
      )}
      <FormActions submit="Roll back the approval" pending={rolling.isPending} pendingLabel="Rolling back…" onCancel={() => setOpen(false)} />
    </form>
  );
}
