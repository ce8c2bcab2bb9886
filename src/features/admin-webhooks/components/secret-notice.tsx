import { OneTimeSecret } from '#src/components/ui/one-time-secret.tsx';

/** The new endpoint's signing secret, shown once. */
export function SecretNotice({ url, secret, onDone }: { url: string; secret: string; onDone: () => void }) {
  return (
    <OneTimeSecret headingId="webhook-secret-heading" heading="Copy the signing secret now" noun="secret" secretLabel="The signing secret" secret={secret} onDone={onDone}>
      Give it to the receiver at <code className="break-all font-mono">{url}</code>: it checks the <code className="font-mono">webhook-signature</code> header of every request with it (Standard
      Webhooks, HMAC-SHA256).
    </OneTimeSecret>
  );
}
