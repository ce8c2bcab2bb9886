import { LoadingNotice } from '../components/ui/loading-notice.tsx';
import { PublicShell } from './public-shell.tsx';

/** Shown while the first route's loaders (the session check) run on a fresh page load. */
export function LoadingPage() {
  return (
    <PublicShell>
      <div aria-busy="true">
        <LoadingNotice>Loading…</LoadingNotice>
      </div>
    </PublicShell>
  );
}
