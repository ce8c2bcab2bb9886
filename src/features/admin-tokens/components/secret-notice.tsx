import { OneTimeSecret } from '#src/components/ui/one-time-secret.tsx';

/** The new token's secret, shown once: the server keeps only its hash. */
export function SecretNotice({ name, modelKey, secret, onDone }: { name: string; modelKey: string; secret: string; onDone: () => void }) {
  return (
    <OneTimeSecret headingId="secret-heading" heading={`Copy the token “${name}” now`} noun="token" secretLabel="The token's secret" secret={secret} onDone={onDone}>
      Store it in your pipeline’s secret store as <code className="font-mono">MODEL_APPROVAL_TOKEN</code>; it submits packages for <code className="font-mono">{modelKey}</code> as the model’s owner. If it is
      lost, revoke it and create another.
    </OneTimeSecret>
  );
}
