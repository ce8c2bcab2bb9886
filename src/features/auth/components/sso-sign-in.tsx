import { ssoPaths } from '#domain/contracts/sso.ts';
import { buttonClasses } from '#src/components/ui/button.ts';
import { useSsoConfig } from '../api/get-sso-config.ts';

/**
 * "Sign in with <provider>", when the server has single sign-on. A plain link, not a fetch:
 * the browser itself must go to the identity provider and come back.
 */
export function SsoSignIn({ next }: { next: string }) {
  const config = useSsoConfig();
  if (!config.data?.enabled) return null;
  return (
    <div className="space-y-4">
      <div className="flex items-center gap-3 text-sm text-slate-600" aria-hidden="true">
        <span className="h-px flex-1 bg-slate-300" />
        or
        <span className="h-px flex-1 bg-slate-300" />
      </div>
      <a href={`${ssoPaths.login}?returnTo=${encodeURIComponent(next)}`} className={`${buttonClasses.secondary} w-full`}>
        Sign in with {config.data.displayName}
      </a>
    </div>
  );
}
