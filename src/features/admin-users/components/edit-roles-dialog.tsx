import { useId, useState, type SubmitEvent } from 'react';
import type { Role } from '#domain/contracts/roles.ts';
import type { ManagedUser } from '#api/users/contract.ts';
import { DialogTitle, ModalDialog } from '#src/components/ui/modal-dialog.tsx';
import { FormFooter } from '#src/components/ui/form-footer.tsx';
import { isApiProblem } from '#src/lib/api-problem.ts';
import { rolesChangeNeedsApproval } from '#domain/accounts/privileged-changes.ts';
import { useAccountChange, type AccountChangeOutcome } from '../api/account-change.ts';
import { fieldErrorOf } from './field-errors.ts';
import { RoleCheckboxes } from './role-checkboxes.tsx';

interface Props {
  user: ManagedUser;
  onClose: () => void;
  onSaved: (outcome: AccountChangeOutcome) => void;
}

/** The roles of one account, replaced as a whole; open for as long as it is mounted. */
export function EditRolesDialog({ user, onClose, onSaved }: Props) {
  const saving = useAccountChange();
  const textId = useId();
  const [roles, setRoles] = useState<Role[]>(user.roles);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (saving.isPending) return;
    saving.mutate({ change: { kind: 'set_roles', userId: user.id, roles }, needsApproval: rolesChangeNeedsApproval(user.roles, roles) }, { onSuccess: onSaved });
  };
  const rolesError = fieldErrorOf(isApiProblem(saving.error) ? saving.error : null, '/roles');

  return (
    <ModalDialog onClose={onClose} width="xl" describedBy={textId}>
      <form onSubmit={submit} noValidate className="space-y-4 p-6">
        <DialogTitle className="text-xl font-bold">Roles of {user.displayName}</DialogTitle>
        <p id={textId}>What {user.displayName} may do from their next request on: review and sign a workflow step, own models, oversee or administer. Granting a role that decides or administers, or taking the administrator role away, takes effect when another administrator approves it.</p>
        <RoleCheckboxes legend="Roles" roles={roles} onChange={setRoles} error={rolesError} />
        <FormFooter error={saving.error} errorShownAtField={Boolean(rolesError)} pending={saving.isPending} submitLabel="Save roles" pendingLabel="Saving…" onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}
