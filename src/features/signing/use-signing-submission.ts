import { useMemo, useState } from 'react';
import type { PackageDetail, PackageVersion } from '#domain/contracts/packages.ts';
import type { SigningPayload } from '#domain/contracts/signatures.ts';
import { isApiProblem } from '../../lib/api-problem.ts';
import { confirmDone } from '#src/lib/confirmation.ts';
import { decisionMeanings } from '#domain/contracts/decisions.ts';
import { issueSigningNonce } from './api/issue-signing-nonce.ts';
import { usePasskeys } from './api/passkeys.ts';
import { useSignDecision } from './api/sign-decision.ts';
import { useContentHash } from './use-content-hash.ts';
import { assertWithPasskey } from './passkey-assertion.ts';

export type SigningMethod = 'passkey' | 'password';

/** How the signer re-authenticates: what the dialog shows and what it sends. */
export interface SigningAuthenticationState {
  /** Single sign-on: an account without a password here can only sign with a passkey. */
  ssoOnly: boolean;
  /** An SSO-only signer without a passkey cannot sign until they add one. */
  needsPasskey: boolean;
  hasPasskey: boolean;
  chosen: SigningMethod;
  setMethod: (method: SigningMethod) => void;
  password: string;
  setPassword: (password: string) => void;
}

export type Nonce = Awaited<ReturnType<typeof issueSigningNonce>>;

/**
 * What the sign dialogs share: the content hash computed here, the re-authentication
 * (passkey or password), problems by JSON Pointer (the dialog's own checks first, then the
 * server's), and the submit flow: check, fetch a nonce, build the payload, authenticate,
 * send. Nothing is stored until the server has verified everything.
 */
export function useSigningSubmission({ pkg, version, ssoOnly, onSigned }: { pkg: PackageDetail; version: PackageVersion; ssoOnly: boolean; onSigned: () => void }) {
  const hash = useContentHash(pkg.id, version.number, version.content);
  const [password, setPassword] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const signing = useSignDecision();
  const [clientError, setClientError] = useState<unknown>(null);
  const passkeys = usePasskeys();
  const hasPasskey = (passkeys.data?.length ?? 0) > 0;
  const [method, setMethod] = useState<SigningMethod | null>(null);
  const needsPasskey = ssoOnly && passkeys.isSuccess && !hasPasskey;
  // A passkey when the account has one; the password otherwise, or when chosen.
  const chosen: SigningMethod = ssoOnly ? 'passkey' : (method ?? (hasPasskey ? 'passkey' : 'password'));

  const error: unknown = signing.error ?? clientError;
  const server = isApiProblem(error) ? error : null;
  const errorAt = (pointer: string): string | undefined => local[pointer] ?? server?.fieldError(pointer);

  /** `problems`: what the dialog found missing, by the pointer the server would use. */
  const submit = async (problems: Record<string, string>, buildPayload: (nonce: Nonce, contentHash: string) => SigningPayload) => {
    if (signing.isPending || !hash.data || needsPasskey) return;
    const found = { ...problems };
    if (chosen === 'password' && !password) found['/authentication/password'] = 'Enter your password to sign';
    setLocal(found);
    if (Object.keys(found).length > 0) return;
    signing.reset();
    setClientError(null);
    let nonce: Nonce;
    try {
      nonce = await issueSigningNonce(pkg.id);
    } catch (failure) {
      setClientError(failure);
      return;
    }
    try {
      const payload = buildPayload(nonce, hash.data);
      const authentication = chosen === 'passkey' ? await assertWithPasskey(payload, passkeys.data?.map((p) => p.credentialId) ?? []) : ({ method: 'password', password } as const);
      await signing.mutateAsync({ payload, authentication });
      onSigned();
      confirmDone(`Signed: ${decisionMeanings[payload.decision]}, on ${pkg.modelName} ${pkg.versionLabel}, version ${payload.versionNumber}.`);
    } catch (failure) {
      // The server's refusals show from signing.error; the browser's (a cancelled passkey) here.
      if (!signing.isError) setClientError(failure);
    }
  };

  const authentication: SigningAuthenticationState = { ssoOnly, needsPasskey, hasPasskey, chosen, setMethod, password, setPassword };
  /** What the error summary lists: the dialog's own findings, then the server's, once each. */
  const messages = [...new Set([...Object.values(local), ...(server?.fieldErrors.map((problem) => problem.message) ?? [])])];
  const failure = useMemo(() => ({ local, error }), [local, error]);
  return { hash, pending: signing.isPending, error, server, errorAt, authentication, submit, messages, failure };
}
