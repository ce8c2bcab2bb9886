import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ResubmitDraft } from '#domain/contracts/drafts.ts';
import type { PackageContent } from '#domain/contracts/package-content.ts';
import type { PackageDetail, PackageVersion } from '#domain/contracts/packages.ts';
import type { Section } from '#domain/contracts/sections.ts';
import type { Thread } from '#domain/contracts/threads.ts';
import { answerTargets } from '../answer-targets.ts';
import { changedInDraft, removedFromDraft } from '../changes.ts';
import { draftFrom, replaceAt, type AnswerDraft, type Draft } from '../draft.ts';
import { draftRequest, restoreDraft } from '../draft-storage.ts';
import { useSaveResubmitDraft } from '../api/save-resubmit-draft.ts';

function startingDraft(saved: ResubmitDraft | null, base: PackageVersion): { draft: Draft; restoredAt: string | null } {
  const restored = restoreDraft(saved, base);
  return restored ? { draft: restored.draft, restoredAt: restored.savedAt } : { draft: draftFrom(base.content), restoredAt: null };
}

/** How long typing may pause before the draft is saved to the server. */
const saveDelayMs = 700;

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'failed'; error: unknown };

/**
 * Saves the draft on the server a moment after each change (and at once when the page goes),
 * or discards the server's copy when the draft is back at the base version.
 */
function useServerCopy(packageId: string, base: PackageVersion, draft: Draft, pristine: boolean, hadCopy: boolean) {
  const saving = useSaveResubmitDraft(packageId);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const hasCopy = useRef(hadCopy);
  const pending = useRef<(() => void) | null>(null);
  const { mutate } = saving;

  useEffect(() => {
    if (pristine && !hasCopy.current) return;
    const save = () => {
      pending.current = null;
      hasCopy.current = !pristine;
      setState({ kind: 'saving' });
      mutate(pristine ? null : draftRequest(base, draft), {
        onSuccess: (at) => setState(at ? { kind: 'saved', at } : { kind: 'idle' }),
        onError: (error) => setState({ kind: 'failed', error }),
      });
    };
    pending.current = save;
    const timer = setTimeout(save, saveDelayMs);
    return () => clearTimeout(timer);
  }, [mutate, base, draft, pristine]);
  // Leaving the page (or the submission replacing it) must not drop the last keystrokes.
  useEffect(() => () => pending.current?.(), []);

  /** After a submission: the server deleted the draft with it; nothing more is saved. */
  const forget = useCallback(() => {
    pending.current = null;
    hasCopy.current = false;
  }, []);
  return { state, forget };
}

/**
 * The draft of the next version: its content and answers, saved on the server as it changes
 * (so another tab or device opens the same draft); what it changes from the base; what the
 * reviewers asked about; which sections are open.
 */
export function useResubmitDraft(pkg: PackageDetail, base: PackageVersion, threads: readonly Thread[], saved: ResubmitDraft | null) {
  const [start] = useState(() => startingDraft(saved, base));
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

  // Every change is saved on the server; a draft back at the base version is no draft.
  const server = useServerCopy(pkg.id, base, draft, pristine, saved !== null);

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

  return { draft, restoredAt, targets, changed, removed, pristine, asked, open, toggle, openSections, updateSection, setAnswer, replaceContent, reset, saveState: server.state, forgetServerCopy: server.forget };
}
