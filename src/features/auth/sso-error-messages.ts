import { ssoErrorCodeSchema, type SsoErrorCode } from '#domain/contracts/sso.ts';

// What the log-in page says when single sign-on sent the browser back with
// `?sso_error=<code>`: what happened and what to do, never the provider's raw error.

const messages: Record<SsoErrorCode, string> = {
  not_configured: 'Single sign-on is not set up on this server. Sign in with your email and password.',
  state_invalid: 'Single sign-on could not be completed: the answer from your identity provider did not match a sign-in started in this browser. Start again.',
  state_expired: 'Single sign-on took longer than 10 minutes, so it was not completed. Start again.',
  provider_unavailable: 'Your identity provider could not be reached. Try again in a moment.',
  access_denied: 'Your identity provider did not sign you in: the sign-in was cancelled or refused.',
  provider_error: 'Your identity provider reported an error. Try again; if it keeps happening, contact your administrator.',
  token_invalid: 'Your identity provider’s answer could not be verified, so you were not signed in. Try again; if it keeps happening, contact your administrator.',
  missing_email: 'Your identity provider did not give an email address, which this app needs. Ask your administrator to release the email claim.',
  account_conflict: 'An account with your email address already exists here and signs in with a password. Sign in with it, or ask an administrator.',
  account_disabled: 'Your account here has been disabled, so single sign-on did not sign you in. Ask an administrator if you need access again.',
  response_invalid: 'Your identity provider’s answer was refused (its signature, addressee, time or a replay did not check out), so you were not signed in. Start again; if it keeps happening, contact your administrator.',
  server_error: 'Something went wrong on our side while signing you in. Try again.',
};

/** The message for `?sso_error=`, or null when there is none. */
export function ssoErrorMessage(code: string | null): string | null {
  if (code === null) return null;
  const known = ssoErrorCodeSchema.safeParse(code);
  return known.success ? messages[known.data] : 'Single sign-on failed. Try again.';
}
