import { buttonClasses } from '#src/components/ui/button.ts';
import { describeError } from '#src/lib/describe-error.ts';
import { useLogout } from '../api/logout.ts';

export function SignOutButton() {
  const logout = useLogout();
  return (
    <div className="flex flex-col items-end">
      <button type="button" className={buttonClasses.secondary} onClick={() => logout.mutate()} disabled={logout.isPending}>
        {logout.isPending ? 'Signing out…' : 'Sign out'}
      </button>
      {/* Not signed out is worth saying: the next person at this browser would be "you". */}
      <p role="alert" className="text-sm text-red-800">
        {logout.isError ? `Sign-out failed. ${describeError(logout.error)}` : ''}
      </p>
    </div>
  );
}
