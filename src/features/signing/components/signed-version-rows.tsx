import type { UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import type { PackageDetail, PackageVersion } from '#domain/contracts/packages.ts';
import { Definition } from '#src/components/ui/definition-list.tsx';

/**
 * The first rows of a sign dialog's summary (inside its DefinitionList): the model, the package
 * version and the content hash computed in this browser, which is what the signature binds.
 * `copyable` adds a button that copies the full hash, to compare it elsewhere.
 */
export function SignedVersionRows({ pkg, version, hash, copyable = false }: { pkg: PackageDetail; version: PackageVersion; hash: UseQueryResult<string>; copyable?: boolean }) {
  const [copied, setCopied] = useState(false);
  return (
    <>
      <Definition term="Model">
        {pkg.modelName} {pkg.versionLabel}
      </Definition>
      <Definition term="Package version">Version {version.number}</Definition>
      <Definition term="Content hash" className={copyable ? 'flex flex-wrap items-center gap-2' : undefined}>
        {hash.data ? (
          <>
            <code title={hash.data}>SHA-256 {hash.data.slice(0, 16)}…</code>
            {copyable && (
              <>
                <button
                  type="button"
                  className="text-sm font-semibold text-blue-800 underline"
                  onClick={() => void navigator.clipboard.writeText(hash.data).then(() => setCopied(true), () => setCopied(false))}
                >
                  Copy full hash
                </button>
                <span role="status" className="text-slate-600">
                  {copied ? 'Copied' : ''}
                </span>
              </>
            )}
          </>
        ) : hash.isError ? (
          'could not be computed'
        ) : (
          'computing…'
        )}
      </Definition>
    </>
  );
}
