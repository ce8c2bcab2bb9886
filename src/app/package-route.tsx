import { lazy, Suspense } from 'react';
import { LoadingNotice } from '../components/ui/loading-notice.tsx';
import { PackagePage } from '../features/packages/components/package-page.tsx';

// Features do not import each other, so the package page (packages) offers a slot and this
// route fills it with the content view (review). The content view is loaded on demand:
// Markdown rendering is the heaviest code in the app, and the login page and the inbox
// should not pay for it.
const PackageContent = lazy(async () => {
  const module = await import('../features/review/components/package-content.tsx');
  return { default: module.PackageContent };
});

export function PackageRoute() {
  return (
    <PackagePage
      renderContent={(pkg) => (
        <Suspense fallback={<LoadingNotice>Loading the package content…</LoadingNotice>}>
          <PackageContent pkg={pkg} />
        </Suspense>
      )}
    />
  );
}
