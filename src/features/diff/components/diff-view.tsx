import { useMemo, useState } from 'react';
import { useLocation } from 'react-router';
import { carryOverThreads, type CarriedThread } from '#domain/annotations/carry-over.ts';
import type { PackageDetail } from '#domain/contracts/packages.ts';
import type { SectionDiff } from '#domain/diff/types.ts';
import { findingsInDiff, type FindingInDiff } from '#domain/findings/in-diff.ts';
import { summarizeDiff } from '#domain/diff/summary.ts';
import { mapConcerns, type SectionRef } from '#domain/revisions/concern-map.ts';
import { useFindings } from '#src/lib/package-findings.ts';
import { ErrorNotice } from '#src/components/ui/error-notice.tsx';
import { LoadingNotice } from '#src/components/ui/loading-notice.tsx';
import { useThreads } from '#src/lib/get-threads.ts';
import { useVersion } from '#src/lib/get-version.ts';
import { usePackageDiff } from '../compute/use-package-diff.ts';
import { changeStops, diffBlocks } from '../diff-blocks.ts';
import type { DiffChoice } from '../diff-choice.ts';
import { ConcernsPanel } from './concerns-panel.tsx';
import { DiffList, type Reveal } from './diff-list.tsx';
import { DiffSummary } from './diff-summary.tsx';
import { PolicyChanges } from './policy-changes.tsx';

const isSection = (section: SectionDiff | undefined): section is SectionDiff => section !== undefined;

/** The comparison of two versions: summary, concerns and answers, then the changes section by section. */
export function DiffView({ pkg, choice }: { pkg: PackageDetail; choice: DiffChoice }) {
  const { from, to, mode } = choice;
  const before = useVersion(pkg.id, from);
  const after = useVersion(pkg.id, to);
  const threads = useThreads(pkg.id);
  const findings = useFindings(pkg.id);
  const run = usePackageDiff(before.data?.content, after.data?.content);
  const location = useLocation();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const hashKey = location.hash.length > 1 ? decodeURIComponent(location.hash.slice(1)) : null;
  const [reveal, setReveal] = useState<Reveal | null>(() => (hashKey ? { key: hashKey, seq: 0, focus: true } : null));
  // Another layout changes every block's height: bring the section in the address back to the top.
  const [shownMode, setShownMode] = useState(mode);
  if (shownMode !== mode) {
    setShownMode(mode);
    if (hashKey) setReveal((current) => ({ key: hashKey, seq: (current?.seq ?? 0) + 1, focus: false }));
  }

  const compared = useMemo(() => run.sections.filter(isSection), [run.sections]);
  const summary = useMemo(() => (run.done ? summarizeDiff(compared) : null), [run.done, compared]);
  const byKey = useMemo(() => new Map(compared.map((section) => [section.key, section])), [compared]);

  const contentByKey = useMemo(() => {
    const map = new Map(before.data?.content.sections.map((section) => [section.key, section]));
    for (const section of after.data?.content.sections ?? []) map.set(section.key, section);
    return map;
  }, [before.data, after.data]);

  const concerns = useMemo(() => {
    const section = (key: string): SectionRef => {
      const diff = byKey.get(key);
      return { key, title: diff?.title ?? contentByKey.get(key)?.title ?? key, status: diff?.status ?? null };
    };
    return mapConcerns({ decisions: pkg.decisions, threads: threads.data ?? [], from: Math.min(from, to), to: Math.max(from, to), answers: after.data?.answers ?? [], section });
  }, [pkg.decisions, threads.data, from, to, after.data, byKey, contentByKey]);

  const carried = useMemo(() => {
    const bySection = new Map<string, CarriedThread[]>();
    if (!after.data || !threads.data) return bySection;
    for (const item of carryOverThreads(threads.data, { number: to, content: after.data.content })) {
      const list = bySection.get(item.thread.sectionKey) ?? [];
      list.push(item);
      bySection.set(item.thread.sectionKey, list);
    }
    return bySection;
  }, [after.data, threads.data, to]);

  // Each compared section's findings, marked by what this comparison did to what they point at.
  const findingsBySection = useMemo(() => {
    const bySection = new Map<string, FindingInDiff[]>();
    if (!findings.data || !before.data || !after.data) return bySection;
    const newer = (from < to ? after.data : before.data).content.sections;
    for (const section of compared) {
      const shown = findingsInDiff(findings.data, { from, to }, { key: section.key, newer: newer.find((s) => s.key === section.key), changed: section.status !== 'unchanged' });
      if (shown.length > 0) bySection.set(section.key, shown);
    }
    return bySection;
  }, [findings.data, before.data, after.data, compared, from, to]);

  const blocks = useMemo(() => diffBlocks(run.sections, carried, expanded, findingsBySection), [run.sections, carried, expanded, findingsBySection]);
  const stops = useMemo(() => changeStops(blocks), [blocks]);

  const failed = before.error ?? after.error;
  if (failed) {
    return (
      <ErrorNotice
        title="A version could not be loaded."
        error={failed}
        onRetry={() => {
          void before.refetch();
          void after.refetch();
        }}
        retrying={before.isFetching || after.isFetching}
      />
    );
  }
  if (!before.data || !after.data) return <LoadingNotice>{`Loading versions ${from} and ${to}…`}</LoadingNotice>;

  const toggle = (key: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const labels = { before: `Version ${from}`, after: `Version ${to}` };
  return (
    <div className="space-y-8">
      <DiffSummary run={run} summary={summary} />
      <PolicyChanges before={before.data.policy} after={after.data.policy} labels={labels} />
      <ConcernsPanel rows={concerns} to={to} onShowSection={(key) => setReveal((current) => ({ key, seq: (current?.seq ?? 0) + 1, focus: true }))} />
      <section aria-labelledby="changes-heading" className="space-y-3">
        <h2 id="changes-heading" className="text-xl font-bold">
          Changes, section by section
        </h2>
        <DiffList blocks={blocks} stops={stops} reveal={reveal} context={{ packageId: pkg.id, from, to, mode, labels, expanded, onToggle: toggle, sectionContent: (key) => contentByKey.get(key) }} />
      </section>
    </div>
  );
}
