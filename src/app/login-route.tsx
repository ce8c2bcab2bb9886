import { LoginPage } from '../features/auth/components/login-page.tsx';
import { SetupNotice } from '../features/setup/components/setup-notice.tsx';

/** The log-in page, with the way to setup on an installation that has no account yet. */
export function LoginRoute() {
  return <LoginPage setup={<SetupNotice />} />;
}
