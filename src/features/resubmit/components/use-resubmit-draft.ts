import { useCallback, useEffect, useMemo, useState } from 'react';
import type { PackageContent } from '#domain/contracts/package-content.ts';
import type { PackageDetail, PackageVersion } from '#domain/contracts/packages.ts';
import type { Section } from '#domain/contracts/sections.ts';
import type { Thread } from '#domain/contracts/threads.ts';
import { answerTargets } from '../answer-targets.ts';
import { changedInDraft, removedFromDraft } from '../changes.ts';
import { draftFrom, replaceAt, type AnswerDraft, type Draft } from '../draft.ts';
import { clearDraft, loadDraft, saveDraft } from '../draft-storage.ts';

function startingDraft(pkg: PackageDetail, base: PackageVersion): { draft: Draft; restoredAt: string | null } {
  const restored = loadDraft(pkg.id, base);
  return restored ? { draft: restored.draft, restoredAt: restored.savedAt } : { draft: draftFrom(base.content), restoredAt: null };
}

/**
 * The draft of the next version: its content and answers, copied to the tab's storage as it
 * changes; what it changes from the base; what the reviewers asked about; which sections are open.
 */
export function useResubmitDraft(pkg: PackageDetail, base: PackageVersion, threads: readonly Thread[]) {
  const [start] = useState(() => startingDraft(pkg, base));
  const [draft, setDraft] = useState(start.draft);
  const [restoredAt, setRestoredAt] = useState(start.restoredAt);
  // Section titles come from the base: the editors do not rename sections.
  const targets = useMemo(() => answerTargets(pkg, threads, base.content), [pkg, threads, base.content]);
  const changed = useMemo(() => changedInDraft(draft.content, base.content), [draft.content, base.content]);
  const removed = useMemo(() => removedFromDraft(draft.content, base.content), [draft.content, base.content]);
  const pristine = changed.size === 0 && removed.length === 0 && Object.values(draft.answers).every((answer) => answer.answer === '' && answer.sectionKeys.length === 0);
  const asked = useMemo(() => {
    const count = new Map<string, number>();
    for (const target of targets) count.set(target.sectionKey, (count.get(target.sectionKey) ?? 0) + 1);
    return count;
  }, [targets]);
  // Open at first: what the reviewers asked about, and what the restored draft changed.
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set([...asked.keys(), ...changedInDraft(start.draft.content, base.content)]));

  // Every change is copied to sessionStorage; a draft back at the base version is no draft.
  useEffect(() => {
    if (pristine) clearDraft(pkg.id, base.number);
    else saveDraft(pkg.id, base, draft, new Date().toISOString());
  }, [pkg.id, base, draft, pristine]);

  const updateSection = useCallback((index: number, next: Section) => {
    setDraft((current) => ({ ...current, content: { ...current.content, sections: replaceAt(current.content.sections, index, next) } }));
  }, []);
  const toggle = useCallback((key: string) => {
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  }, []);
  const setAnswer = (key: string, answer: AnswerDraft) => setDraft((current) => ({ ...current, answers: { ...current.answers, [key]: answer } }));
  const openSections = (keys: readonly string[]) => {
    if (keys.length > 0) setOpen((current) => new Set([...current, ...keys]));
  };
  /** Content from a file in place of the draft's; the sections it changes are opened, and returned. */
  const replaceContent = (content: PackageContent): ReadonlySet<string> => {
    const differing = changedInDraft(content, base.content);
    setDraft((current) => ({ ...current, content }));
    setOpen((current) => new Set([...current, ...differing]));
    return differing;
  };
  /** Back to the base version, with only the sections asked about open. */
  const reset = () => {
    setDraft(draftFrom(base.content));
    setRestoredAt(null);
    setOpen(new Set(asked.keys()));
  };

  return { draft, restoredAt, targets, changed, removed, pristine, asked, open, toggle, openSections, updateSection, setAnswer, replaceContent, reset };
}
