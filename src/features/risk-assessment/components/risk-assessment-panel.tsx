import { ScrollFrame } from '#src/components/ui/scroll-frame.tsx';
import { Link } from 'react-router';
import type { PackageDetail } from '#domain/contracts/packages.ts';
import type { RiskAssessment } from '#domain/contracts/risk-assessment.ts';
import { appliedAssessmentOf, type AppliedAssessment } from '#domain/policy/applied-assessment.ts';
import { roleLabels } from '#domain/contracts/roles.ts';
import { buttonClasses } from '#src/components/ui/button.ts';
import { DefinitionList } from '#src/components/ui/definition-list.tsx';
import { ErrorNotice } from '#src/components/ui/error-notice.tsx';
import { LoadingNotice } from '#src/components/ui/loading-notice.tsx';
import { formatDateTime, formatRiskTier } from '#src/lib/format.ts';
import { useViewer } from '#src/lib/use-viewer.ts';
import { useRiskAssessments } from '../api/list-risk-assessments.ts';
import { categoryLabels, controlLabels } from '../labels.ts';
import { TierOverrideActions } from './tier-override-actions.tsx';
import { loosenRefusal } from '../approver-loosening.ts';
import { isPackageOwner } from '../package-owner.ts';

/** On the package page: the tier that applies, the latest assessment, how it was scored, and its override if any. */
export function RiskAssessmentPanel({ pkg }: { pkg: PackageDetail }) {
  const query = useRiskAssessments(pkg.id);
  const viewer = useViewer();
  const latest = query.data?.items.at(-1);
  // Another tier is asked for on model risk's latest assessment, never on the owner's proposal (0172).
  const deciding = query.data?.items.filter((a) => !a.proposal).at(-1);
  // The one rule the server enforces and signatures name (docs/decisions/0165).
  const applied = query.data ? appliedAssessmentOf(query.data.items) : null;
  const isOwner = viewer !== null && isPackageOwner(pkg, viewer.id);
  const canAssess = Boolean(viewer?.roles.some((r) => r === 'model_owner' || r === 'model_risk'));
  return (
    <section aria-labelledby="risk-heading" aria-busy={query.isFetching} className="space-y-4">
      <h2 id="risk-heading" className="text-xl font-bold">
        Risk assessment
      </h2>
      {query.isPending && <LoadingNotice>Loading the risk assessment…</LoadingNotice>}
      {query.isError && <ErrorNotice title="The risk assessment could not be loaded." error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />}
      {query.data && !latest && <p>No risk assessment yet: {formatRiskTier(pkg.riskTier)} is the tier the owner declared.</p>}
      {latest && <AssessmentSummary assessment={latest} applied={applied} pkg={pkg} />}
      {deciding && viewer && pkg.versions[0] && <TierOverrideActions assessment={deciding} viewer={viewer} ownerId={pkg.versions[0].submittedBy.id} refusal={(tier) => loosenRefusal(pkg, viewer.id, tier)} />}
      {query.data && canAssess && (
        <div className="space-y-2">
          {isOwner && <p id="risk-proposal-note">As the package owner you propose an assessment: model risk management&apos;s assessment decides the tier; you may ask for another tier on it, which model risk management confirms.</p>}
          <p>
            <Link to={`/packages/${pkg.id}/risk-assessment`} className={buttonClasses.secondary} aria-describedby={isOwner ? 'risk-proposal-note' : undefined}>
              {isOwner ? 'Propose an assessment' : latest ? 'Reassess the risk' : 'Assess the risk'}
            </Link>
          </p>
        </div>
      )}
    </section>
  );
}

/** What the tier that applies rests on, in a sentence. */
function appliedText(a: RiskAssessment, applied: AppliedAssessment | null, pkg: PackageDetail): string {
  if (!applied) return `None yet: assessment ${a.number} is the owner's proposal (${formatRiskTier(a.computedTier)}); until model risk management assesses the package, ${formatRiskTier(pkg.riskTier)} is the declared tier and the package cannot be approved`;
  if (applied.number === a.number) return formatRiskTier(applied.tier);
  return `${formatRiskTier(applied.tier)}, from assessment ${applied.number}: assessment ${a.number} is the owner's proposal and decides nothing on its own`;
}

/** Why the chain is the one it is (docs/decisions/0167): a stricter tier moves it, a laxer one never loosens it once a step is decided. */
function workflowText(tier: number, pkg: PackageDetail): string {
  const chain = pkg.template.name;
  if (tier === pkg.riskTier) return `${chain}, chosen for this tier`;
  if (tier > pkg.riskTier) return `${chain} for ${formatRiskTier(pkg.riskTier)}: a step was decided before this laxer tier applied, and a laxer tier never loosens the workflow under way`;
  return `${chain} for ${formatRiskTier(pkg.riskTier)}: the package was approved through it before this stricter tier applied`;
}

function overrideText(a: RiskAssessment): string | null {
  const o = a.override;
  if (!o) return null;
  const asked = `${o.requestedBy.displayName} (${roleLabels[o.requestedBy.role]}) asked for ${formatRiskTier(o.tier)}: “${o.reason}”`;
  return o.confirmedBy ? `${asked} Confirmed by ${o.confirmedBy.displayName} (${roleLabels[o.confirmedBy.role]}).` : `${asked} It applies once model risk management confirms it.`;
}

function AssessmentSummary({ assessment: a, applied, pkg }: { assessment: RiskAssessment; applied: AppliedAssessment | null; pkg: PackageDetail }) {
  const override = overrideText(a);
  const tier = applied?.tier ?? pkg.riskTier;
  return (
    <div className="space-y-4">
      <DefinitionList
        layout="aligned"
        facts={[
          ['Tier that applies', <strong key="tier">{appliedText(a, applied, pkg)}</strong>],
          ['Computed', `${formatRiskTier(a.computedTier)} by ${a.method.name} (version ${a.method.version}), score ${a.score}`],
          ...(override ? [['Override', override] as const] : []),
          ['Assessed', `Assessment ${a.number}, by ${a.assessedBy.displayName}, ${formatDateTime(a.assessedAt)}${a.proposal ? ": the owner's proposal" : ''}`],
          ['Workflow', workflowText(tier, pkg)],
        ]}
      />
      <CategoryScores assessment={a} />
    </div>
  );
}

/**
 * The scores per category: a table from the sm breakpoint on; on a phone, where seven columns
 * would leave the rationale a sliver in a frame scrolled sideways, a list with a sentence a
 * category (decision 0170). One of the two is shown, and only it is in the accessibility tree.
 */
function CategoryScores({ assessment: a }: { assessment: RiskAssessment }) {
  const caption = `Scores per category of assessment ${a.number}`;
  const rows = a.answers.map((answer) => ({ answer, score: a.scores.find((s) => s.category === answer.category) }));
  return (
    <>
      <ul aria-label={caption} className="space-y-2 sm:hidden">
        {rows.map(({ answer, score }) => (
          <li key={answer.category} className="rounded-md border border-slate-200 bg-white p-3">
            <p className="font-semibold">{categoryLabels[answer.category]}</p>
            <p className="text-sm text-slate-700">
              Likelihood {answer.likelihood} × impact {answer.impact} = inherent {score?.inherent}; controls: {controlLabels[answer.controls].toLowerCase()}; residual {score?.residual}
            </p>
            <p>{answer.rationale}</p>
          </li>
        ))}
      </ul>
      <ScrollFrame className="max-sm:hidden" label={caption}>
        <table className="min-w-full border-collapse text-left">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr className="border-b border-slate-400">
              <th scope="col" className="p-2">Category</th>
              <th scope="col" className="p-2">Likelihood</th>
              <th scope="col" className="p-2">Impact</th>
              <th scope="col" className="p-2">Controls</th>
              <th scope="col" className="p-2">Inherent</th>
              <th scope="col" className="p-2">Residual</th>
              <th scope="col" className="p-2">Rationale</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ answer, score }) => (
              <tr key={answer.category} className="border-b border-slate-200 align-top">
                <th scope="row" className="p-2 font-semibold">{categoryLabels[answer.category]}</th>
                <td className="p-2">{answer.likelihood}</td>
                <td className="p-2">{answer.impact}</td>
                <td className="p-2">{controlLabels[answer.controls]}</td>
                <td className="p-2">{score?.inherent}</td>
                <td className="p-2">{score?.residual}</td>
                <td className="p-2">{answer.rationale}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollFrame>
    </>
  );
}
