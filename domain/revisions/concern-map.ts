import type { Actor } from '../contracts/decisions.ts';
import type { Role } from '../contracts/roles.ts';
import { answerTargetKey, type AnswerTarget, type ConcernAnswer } from '../contracts/revisions.ts';
import type { SignedDecision } from '../contracts/signatures.ts';
import type { Thread } from '../contracts/threads.ts';
import type { DiffStatus } from '../diff/types.ts';

// What a reviewer who rejected, or asked for clarification, needs to see of a resubmission:
// each concern next to what happened to its section and what the owner said about it. A
// concern whose section did not change at all is flagged, whatever the answer says.

export interface SectionRef {
  key: string;
  title: string;
  /** What the diff says of the section; null when the section is in neither version. */
  status: DiffStatus | null;
}

export interface ConcernRow {
  key: string;
  target: AnswerTarget;
  kind: 'concern' | 'clarification';
  raisedBy: Actor;
  role: Role | null;
  /** The version the concern was raised on. */
  versionNumber: number;
  section: SectionRef;
  /** The concern, or the clarification question (the thread's first message). */
  text: string;
  /** For a rejection concern: what the reviewer said must change. */
  requiredChange: string | null;
  /** For a clarification on a passage: the quoted text. */
  quote: string | null;
  answer: ConcernAnswer | null;
  /** Sections the owner cited besides the concern's own. */
  citedSections: SectionRef[];
  /** True when neither the concern's section nor any cited section changed. */
  sectionUnchanged: boolean;
}

export interface ConcernMapInput {
  decisions: readonly SignedDecision[];
  threads: readonly Thread[];
  /** The versions compared: concerns raised on [from, to) are the ones `to` answers. */
  from: number;
  to: number;
  /** Answers submitted with the versions after `from` up to `to`. */
  answers: readonly ConcernAnswer[];
  /** Status and title of a section in the diff between `from` and `to`. */
  section: (key: string) => SectionRef;
}

/** Rejection concerns and clarification requests raised on the compared versions, each with its answer and its sections. */
export function mapConcerns(input: ConcernMapInput): ConcernRow[] {
  const answers = new Map(input.answers.map((answer) => [answerTargetKey(answer.target), answer]));
  const inRange = (version: number) => version >= input.from && version < input.to;
  const rows: ConcernRow[] = [];
  const row = (target: AnswerTarget, base: Omit<ConcernRow, 'key' | 'target' | 'answer' | 'citedSections' | 'sectionUnchanged'>): ConcernRow => {
    const key = answerTargetKey(target);
    const answer = answers.get(key) ?? null;
    const citedSections = (answer?.sectionKeys ?? []).filter((cited) => cited !== base.section.key).map(input.section);
    const changed = [base.section, ...citedSections].some((section) => section.status !== null && section.status !== 'unchanged');
    return { ...base, key, target, answer, citedSections, sectionUnchanged: !changed };
  };
  for (const decision of input.decisions) {
    if (decision.decision !== 'reject' || !inRange(decision.versionNumber)) continue;
    decision.concerns.forEach((concern, index) => {
      rows.push(
        row(
          { kind: 'concern', decisionId: decision.id, index },
          { kind: 'concern', raisedBy: decision.actor, role: decision.role, versionNumber: decision.versionNumber, section: input.section(concern.sectionKey), text: concern.concern, requiredChange: concern.requiredChange, quote: null },
        ),
      );
    });
  }
  for (const thread of input.threads) {
    if (thread.kind !== 'clarification' || !inRange(thread.versionNumber)) continue;
    const question = thread.messages[0];
    rows.push(
      row(
        { kind: 'clarification', threadId: thread.id },
        {
          kind: 'clarification',
          raisedBy: thread.createdBy,
          role: question?.authorRole ?? null,
          versionNumber: thread.versionNumber,
          section: input.section(thread.sectionKey),
          text: question?.body ?? '',
          requiredChange: null,
          quote: thread.anchor?.exact ?? null,
        },
      ),
    );
  }
  return rows;
}
