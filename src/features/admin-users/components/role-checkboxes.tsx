import { useId } from 'react';
import { roleLabels, roleSchema, type Role } from '#domain/contracts/roles.ts';

interface Props {
  legend: string;
  roles: readonly Role[];
  onChange: (roles: Role[]) => void;
  error: string | undefined;
}

/** One checkbox a role, in the order the contract lists them; what is wrong sits under them. */
export function RoleCheckboxes({ legend, roles, onChange, error }: Props) {
  const errorId = useId();
  const toggle = (role: Role, on: boolean) => onChange(roleSchema.options.filter((r) => (r === role ? on : roles.includes(r))));
  return (
    <fieldset className="space-y-1" aria-describedby={error ? errorId : undefined}>
      <legend className="font-semibold">{legend}</legend>
      <div className="grid gap-x-6 gap-y-1 sm:grid-cols-2">
        {roleSchema.options.map((role) => (
          <label key={role} className="flex items-center gap-2">
            <input type="checkbox" className="size-4" checked={roles.includes(role)} onChange={(e) => toggle(role, e.target.checked)} />
            {roleLabels[role]}
          </label>
        ))}
      </div>
      {error && (
        <p id={errorId} className="text-red-800">
          {error}
        </p>
      )}
    </fieldset>
  );
}
