import { useId, useRef, useState, type SubmitEvent } from 'react';
import type { RiskAssessment } from '#domain/contracts/risk-assessment.ts';
import { roleLabels, type Role } from '#domain/contracts/roles.ts';
import { overrideConfirmRoles, overrideRequestRoles } from '#domain/policy/override-roles.ts';
import type { User } from '#domain/contracts/users.ts';
import { buttonClasses } from '#src/components/ui/button.ts';
import { Field, inputClasses } from '#src/components/ui/field.tsx';
import { FormActions } from '#src/components/ui/form-actions.tsx';
import { describeError } from '#src/lib/describe-error.ts';
import { formatRiskTier } from '#src/lib/format.ts';
import { useFocusFirstInvalid } from '#src/lib/use-focus-first-invalid.ts';
import { useConfirmTierOverride, useRequestTierOverride } from '../api/tier-override.ts';
import { fieldErrorOf } from '../labels.ts';

const tiers = [1, 2, 3, 4] as const;

interface Props {
  assessment: RiskAssessment;
  viewer: User;
  /** The package owner's user id: on their own package they ask only as its model owner, and never confirm. */
  ownerId: string;
  /** Why the server would refuse the viewer's confirmation of a tier (0174 amended), or null. */
  refusal: (tier: number) => string | null;
}

/** Ask for another tier (the owner, or a reviewer other than model risk), or confirm someone else's request (model risk): what the server allows (0167). */
export function TierOverrideActions({ assessment, viewer, ownerId, refusal }: Props) {
  const o = assessment.override;
  if (!o) {
    const roles = overrideRequestRoles(viewer, ownerId);
    return roles.length > 0 ? <RequestOverride assessment={assessment} roles={roles} /> : null;
  }
  if (o.confirmedBy) return null;
  const roles = overrideConfirmRoles(viewer, ownerId, o.requestedBy.id);
  if (roles.length === 0) return null;
  // Said instead of a Confirm the server would refuse (0183).
  const refused = refusal(o.tier);
  return refused ? <p className="rounded-md border border-amber-300 bg-amber-50 p-3">{refused}</p> : <ConfirmOverride assessment={assessment} roles={roles} />;
}

function RoleField({ roles, value, onChange, error }: { roles: readonly Role[]; value: Role; onChange: (role: Role) => void; error: string | undefined }) {
  return (
    <Field label="Acting as" error={error}>
      {(props) => (
        <select {...props} className={inputClasses} value={value} onChange={(e) => onChange(roles.find((r) => r === e.target.value) ?? value)}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {roleLabels[r]}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function RequestOverride({ assessment, roles }: { assessment: RiskAssessment; roles: readonly Role[] }) {
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [open, setOpen] = useState(false);
  const [tier, setTier] = useState<number>(tiers.find((t) => t !== assessment.computedTier) ?? 1);
  const [reason, setReason] = useState('');
  const [role, setRole] = useState<Role>(roles[0] ?? 'model_owner');
  const requesting = useRequestTierOverride();
  useFocusFirstInvalid(formRef, requesting.error);
  const at = (field: string) => fieldErrorOf(requesting.error, `/${field}`);
  const general = requesting.error && !['tier', 'reason', 'role'].some((f) => at(f)) ? describeError(requesting.error) : undefined;

  if (!open) {
    return (
      <button type="button" className={buttonClasses.secondary} onClick={() => setOpen(true)}>
        Ask for a tier override
      </button>
    );
  }
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (requesting.isPending) return;
    requesting.mutate({ packageId: assessment.packageId, number: assessment.number, request: { tier, reason, role } }, { onSuccess: () => setOpen(false) });
  };
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby={`${id}-title`} className="space-y-4 rounded-md border border-slate-300 bg-white p-4">
      <h3 id={`${id}-title`} className="text-lg font-semibold">
        Ask for a tier override
      </h3>
      <p>On assessment {assessment.number}, by {assessment.assessedBy.displayName}. Model risk management must confirm it before it applies.</p>
      <div className="grid gap-4 md:grid-cols-2">
        <Field label="Tier" error={at('tier')}>
          {(props) => (
            <select {...props} className={inputClasses} value={tier} onChange={(e) => setTier(Number(e.target.value))}>
              {tiers.map((t) => (
                <option key={t} value={t}>
                  {formatRiskTier(t)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <RoleField roles={roles} value={role} onChange={setRole} error={at('role')} />
      </div>
      <Field label="Reason" error={at('reason')}>
        {(props) => <textarea {...props} rows={3} className={inputClasses} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      {general && (
        <p role="alert" className="text-red-800">
          {general}
        </p>
      )}
      <FormActions submit="Ask for the override" pending={requesting.isPending} pendingLabel="Asking…" onCancel={() => setOpen(false)} />
    </form>
  );
}

function ConfirmOverride({ assessment, roles }: { assessment: RiskAssessment; roles: readonly Role[] }) {
  const id = useId();
  const [role, setRole] = useState<Role>(roles[0] ?? 'model_risk');
  const confirming = useConfirmTierOverride();
  const roleError = fieldErrorOf(confirming.error, '/role');
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!confirming.isPending) confirming.mutate({ packageId: assessment.packageId, number: assessment.number, request: { role } });
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-title`} className="space-y-4 rounded-md border border-slate-300 bg-white p-4">
      <h3 id={`${id}-title`} className="text-lg font-semibold">
        Confirm the override to {formatRiskTier(assessment.override?.tier ?? assessment.computedTier)}
      </h3>
      <RoleField roles={roles} value={role} onChange={setRole} error={roleError} />
      {confirming.error && !roleError && (
        <p role="alert" className="text-red-800">
          {describeError(confirming.error)}
        </p>
      )}
      <button type="submit" className={buttonClasses.primary} disabled={confirming.isPending}>
        {confirming.isPending ? 'Confirming…' : 'Confirm the override'}
      </button>
    </form>
  );
}
