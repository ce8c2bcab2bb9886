import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Field, inputClasses } from '#src/components/ui/field.tsx';
import { PageHeading } from '#src/components/ui/page-heading.tsx';
import { usePageTitle } from '#src/lib/use-page-title.ts';
import { parseKeyPins, type KeyPin } from '#domain/evidence/key-pin.ts';
import { checkRecordFile } from '../check-record-file.ts';
import { DropZone } from './drop-zone.tsx';
import { VerifyReport } from './verify-report.tsx';

/**
 * Checks an exported approval record in this browser, without the server: the verifier is
 * part of this page's code (imported statically, not fetched), the file is read locally, and
 * nothing is sent anywhere, so it works with the network off once the page has loaded.
 */
export function VerifyPage() {
  usePageTitle('Verify an approval record');
  const [keyText, setKeyText] = useState('');
  const [keyError, setKeyError] = useState<string>();
  const resultRef = useRef<HTMLHeadingElement>(null);
  const check = useMutation({
    mutationFn: ({ file, pins }: { file: File; pins: readonly KeyPin[] }) => checkRecordFile(file, pins),
    // Nothing here uses the network: offline must not pause it (the default for mutations).
    networkMode: 'always',
  });
  const result = check.data;

  // The verdict appears below the controls: take keyboard and screen-reader users to it.
  useEffect(() => {
    if (result?.kind === 'verified') resultRef.current?.focus();
  }, [result]);

  const onFile = (file: File) => {
    const parsed = parseKeyPins(keyText);
    if (!parsed.ok) {
      setKeyError(parsed.message);
      return;
    }
    setKeyError(undefined);
    check.mutate({ file, pins: parsed.pins });
  };

  return (
    <div className="max-w-4xl space-y-8">
      <div className="space-y-3">
        <PageHeading>Verify an approval record</PageHeading>
        <p className="text-lg text-slate-700">
          Check a record exported from this app: every content hash, every signature and countersignature, the audit entries’ inclusion proofs against the signed tree head, and the
          server’s signature over the whole file.
        </p>
        <p className="text-slate-700">The check runs in this browser. The file is not uploaded; this page works with the network off.</p>
      </div>
      <Field
        label="Trusted server key or fingerprint"
        hint="The server’s Ed25519 public key in base64url, its SHA-256 fingerprint (64 hex digits), or the whole answer of /api/keys, obtained from the deployment you trust, not from the record. Without it the record can only be found consistent, never valid: anyone can sign a record with a key of their own."
        error={keyError}
      >
        {(props) => (
          <input
            {...props}
            type="text"
            value={keyText}
            onChange={(event) => setKeyText(event.target.value)}
            className={`${inputClasses} font-mono`}
            autoComplete="off"
            spellCheck={false}
          />
        )}
      </Field>
      <DropZone onFile={onFile} disabled={check.isPending} />
      <div aria-live="polite" className="space-y-4">
        {check.isPending && <p className="text-slate-700">Checking {check.variables.file.name}…</p>}
        {result?.kind === 'refused' && (
          <div role="alert" className="rounded-md border-l-4 border-red-700 bg-white p-4 shadow-sm">
            <p className="font-semibold text-red-900">This file cannot be checked.</p>
            <p className="text-slate-800">{result.message}</p>
          </div>
        )}
      </div>
      {result?.kind === 'verified' && <VerifyReport ref={resultRef} fileName={result.fileName} verification={result.verification} />}
    </div>
  );
}
