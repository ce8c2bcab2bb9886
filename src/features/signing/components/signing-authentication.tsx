import { Link } from 'react-router';
import { Field, inputClasses } from '#src/components/ui/field.tsx';
import type { SigningAuthenticationState } from '../use-signing-submission.ts';

/**
 * The re-authentication part of a sign dialog: why an SSO-only signer signs with a passkey
 * (and where to add one), the choice between passkey and password when both are possible,
 * the password field, and a passkey problem.
 */
export function SigningAuthentication({
  state,
  errorAt,
  radioName,
  focusPassword = false,
}: {
  state: SigningAuthenticationState;
  errorAt: (pointer: string) => string | undefined;
  radioName: string;
  /** When nothing else is to be filled in (an approval, nothing blocking): the dialog opens on the password. */
  focusPassword?: boolean;
}) {
  const { ssoOnly, needsPasskey, hasPasskey, chosen, setMethod, password, setPassword } = state;
  return (
    <>
      {ssoOnly && (
        <p className={needsPasskey ? 'rounded-md border-l-4 border-amber-600 bg-amber-50 p-3' : 'text-slate-700'}>
          You sign in through single sign-on and have no password here, so you sign with a passkey.
          {needsPasskey && (
            <>
              {' '}
              You have none yet: <Link to="/account/passkeys">add a passkey under Passkeys</Link>, then sign.
            </>
          )}
        </p>
      )}
      {hasPasskey && !ssoOnly && (
        <fieldset className="space-y-1">
          <legend className="font-semibold">Sign with</legend>
          {(['passkey', 'password'] as const).map((option) => (
            <label key={option} className="flex items-center gap-2">
              <input type="radio" name={radioName} value={option} checked={chosen === option} onChange={() => setMethod(option)} />
              {option === 'passkey' ? 'My passkey (fingerprint, face or device PIN)' : 'My password'}
            </label>
          ))}
        </fieldset>
      )}
      {chosen === 'password' && (
        <Field label="Your password" hint="Signing asks for your password again, so the signature is yours and made now." error={errorAt('/authentication/password')}>
          {(props) => (
            // eslint-disable-next-line jsx-a11y/no-autofocus -- the dialog opened to sign; the password is all it still needs
            <input {...props} type="password" autoFocus={focusPassword} autoComplete="current-password" className={inputClasses} value={password} onChange={(e) => setPassword(e.target.value)} />
          )}
        </Field>
      )}
      {chosen === 'passkey' && errorAt('/authentication') && <p className="text-red-800">{errorAt('/authentication')}</p>}
    </>
  );
}
