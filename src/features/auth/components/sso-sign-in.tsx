import { buttonClasses } from '#src/components/ui/button.ts';
import { ssoRoutes, useSsoConfig } from '../api/get-sso-config.ts';

/**
 * "Sign in with <provider>" for each single sign-on the server has (OpenID Connect, SAML).
 * Plain links, not fetches: the browser itself must go to the identity provider and come back.
 */
export function SsoSignIn({ next }: { next: string }) {
  const oidc = useSsoConfig('oidc');
  const saml = useSsoConfig('saml');
  const offered = [
    { key: 'oidc', config: oidc.data, login: ssoRoutes.oidc.login },
    { key: 'saml', config: saml.data, login: ssoRoutes.saml.login },
  ].filter((entry) => entry.config?.enabled);
  if (offered.length === 0) return null;
  return (
    <div className="space-y-4">
      <div className="flex items-center gap-3 text-sm text-slate-600" aria-hidden="true">
        <span className="h-px flex-1 bg-slate-300" />
        or
        <span className="h-px flex-1 bg-slate-300" />
      </div>
      {offered.map((entry) => (
        <a key={entry.key} href={`${entry.login}?returnTo=${encodeURIComponent(next)}`} className={`${buttonClasses.secondary} w-full`}>
          Sign in with {entry.config?.displayName}
        </a>
      ))}
    </div>
  );
}
