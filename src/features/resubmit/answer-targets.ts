import type { PackageContent } from '#domain/contracts/package-content.ts';
import type { PackageDetail } from '#domain/contracts/packages.ts';
import { answerTargetKey, type AnswerTarget } from '#domain/contracts/revisions.ts';
import { roleLabels } from '#domain/contracts/roles.ts';
import type { Thread } from '#domain/contracts/threads.ts';
import { isOpenClarification, rejectionsToAnswer } from '#domain/revisions/owed-answers.ts';

/** What the owner must answer, with what the panel shows about it. */
export interface AnswerTargetView {
  key: string;
  target: AnswerTarget;
  /** "Concern 1", "Clarification request 2": the name of the answer's fields. */
  label: string;
  reviewer: string;
  role: string;
  sectionKey: string;
  sectionTitle: string;
  /** The rejection concern, or the clarification question. */
  text: string;
  /** What the reviewer said must change (concerns only). */
  requiredChange: string | null;
  /** The passage a clarification request quotes, if any. */
  quote: string | null;
}

/**
 * Every concern of every rejection of the latest version, then every clarification request
 * still open, in the order the request sends them: the server wants each answered once, and
 * names a missing one by its position.
 */
export function answerTargets(pkg: PackageDetail, threads: readonly Thread[], content: PackageContent): AnswerTargetView[] {
  const titleOf = (key: string) => content.sections.find((section) => section.key === key)?.title ?? key;
  const concerns = rejectionsToAnswer(pkg.decisions, pkg.latestVersion)
    .flatMap((decision) =>
      decision.concerns.map((concern, index) => ({ decision, concern, target: { kind: 'concern', decisionId: decision.id, index } as const })),
    )
    .map(({ decision, concern, target }, position): AnswerTargetView => ({
      key: answerTargetKey(target),
      target,
      label: `Concern ${position + 1}`,
      reviewer: decision.actor.displayName,
      role: roleLabels[decision.role],
      sectionKey: concern.sectionKey,
      sectionTitle: titleOf(concern.sectionKey),
      text: concern.concern,
      requiredChange: concern.requiredChange,
      quote: null,
    }));
  const clarifications = threads
    .filter(isOpenClarification)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
    .map((thread, position): AnswerTargetView => {
      const target = { kind: 'clarification', threadId: thread.id } as const;
      const question = thread.messages[0];
      return {
        key: answerTargetKey(target),
        target,
        label: `Clarification request ${position + 1}`,
        reviewer: thread.createdBy.displayName,
        role: question ? roleLabels[question.authorRole] : '',
        sectionKey: thread.sectionKey,
        sectionTitle: titleOf(thread.sectionKey),
        text: question?.body ?? '',
        requiredChange: null,
        quote: thread.anchor?.exact ?? null,
      };
    });
  return [...concerns, ...clarifications];
}
