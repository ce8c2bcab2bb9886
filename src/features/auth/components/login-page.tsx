import type { ReactNode } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { PageHeading } from '#src/components/ui/page-heading.tsx';
import { safeNextPath } from '#src/lib/safe-next.ts';
import { usePageTitle } from '#src/lib/use-page-title.ts';
import { DemoAccounts } from './demo-accounts.tsx';
import { LoginForm } from './login-form.tsx';
import { SsoSignIn } from './sso-sign-in.tsx';
import { ssoErrorMessage } from '../sso-error-messages.ts';

/** `setup`: shown above the form, the way to create the first administrator while none exists. */
export function LoginPage({ setup }: { setup?: ReactNode }) {
  usePageTitle('Sign in');
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next'));
  return (
    <div className="mx-auto grid max-w-4xl gap-10 md:grid-cols-[minmax(0,26rem)_minmax(0,1fr)] md:items-start">
      <div className="space-y-6">
        <PageHeading>Sign in</PageHeading>
        <p className="text-slate-700">Review and sign model approval packages.</p>
        {setup}
        <LoginForm onSignedIn={() => void navigate(next, { replace: true })} notice={ssoErrorMessage(searchParams.get('sso_error'))} />
        <SsoSignIn next={next} />
      </div>
      <DemoAccounts />
    </div>
  );
}
