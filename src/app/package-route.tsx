import { lazy, Suspense } from 'react';
import { LoadingNotice } from '../components/ui/loading-notice.tsx';
import { PackagePage } from '../features/packages/components/package-page.tsx';
import { DelegatedDecisionPanel } from './delegated-decision-panel.tsx';
import { StepDelegations } from '../features/delegations/components/step-delegations.tsx';
import { SignatureBadge } from '../features/signing/components/signature-badge.tsx';
import { RiskAssessmentPanel } from '../features/risk-assessment/components/risk-assessment-panel.tsx';
import { ObligationsPanel } from '../features/obligations/components/obligations-panel.tsx';
import { RollbackPanel } from '../features/rollback/components/rollback-panel.tsx';

// Features do not import each other, so the package page (packages) offers slots and this
// route fills them: the content view (review), the decision panel and the signature
// verdicts (signing). The content view is loaded on demand: Markdown rendering is the
// heaviest code in the app, and the login page and the inbox should not pay for it.
const PackageContent = lazy(async () => {
  const module = await import('../features/review/components/package-content.tsx');
  return { default: module.PackageContent };
});

export function PackageRoute() {
  return (
    <PackagePage
      renderSignatureState={(pkg, decisionId) => <SignatureBadge pkg={pkg} decisionId={decisionId} />}
      renderObligations={(pkg) => <ObligationsPanel pkg={pkg} />}
      renderContent={(pkg) => (
        <>
          <RollbackPanel pkg={pkg} />
          <RiskAssessmentPanel pkg={pkg} />
          <StepDelegations role={pkg.currentStep?.role ?? null} />
          <Suspense fallback={<LoadingNotice>Loading the package content…</LoadingNotice>}>
            <PackageContent pkg={pkg} renderDecision={(props) => <DelegatedDecisionPanel {...props} />} />
          </Suspense>
        </>
      )}
    />
  );
}
