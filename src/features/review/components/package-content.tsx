import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import type { PackageDetail } from '#domain/contracts/packages.ts';
import { chooseVersion } from '../version-choice.ts';
import { VersionContent, type DecisionSlotProps } from './version-content.tsx';
import { VersionPicker } from './version-picker.tsx';

interface Props {
  pkg: PackageDetail;
  /** Where the reviewer's decision goes, above the sections; filled by the route. */
  renderDecision?: ((props: DecisionSlotProps) => ReactNode) | undefined;
}

const notice = 'rounded-md border border-slate-200 bg-white p-5';

/** The content of one version of a package (the latest unless ?version=n), section by section. */
export function PackageContent({ pkg, renderDecision }: Props) {
  const [searchParams, setSearchParams] = useSearchParams();
  const numbers = pkg.versions.map((version) => version.number).sort((a, b) => b - a);
  const choice = chooseVersion(searchParams.get('version'), numbers);

  const selectVersion = (n: number) => {
    setSearchParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        next.set('version', String(n));
        return next;
      },
      // As with the inbox filters: switching versions is not a page Back should step through.
      { replace: true },
    );
  };

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h2 className="text-xl font-bold">Package content</h2>
        {choice && <VersionPicker versions={numbers} value={choice.number} onChange={selectVersion} />}
      </div>
      {!choice ? (
        <p className={notice}>No version of this package has been submitted yet.</p>
      ) : (
        <>
          {choice.unknown !== null && (
            <p className="rounded-md border-l-4 border-amber-600 bg-amber-50 p-4">
              This package has no version “{choice.unknown}”. Showing the latest, version {choice.number}.
            </p>
          )}
          <VersionContent pkg={pkg} number={choice.number} renderDecision={renderDecision} />
        </>
      )}
    </div>
  );
}
