import type { Decision } from '#domain/contracts/decisions.ts';
import type { PackageContent } from '#domain/contracts/package-content.ts';
import type { FieldProblem } from '#domain/contracts/problem.ts';
import { answerTargetKey, type AnswerTarget, type ConcernAnswer } from '#domain/contracts/revisions.ts';
import { threadKindLabels } from '#domain/contracts/threads.ts';
import { isOpenClarification, rejectionsToAnswer } from '#domain/revisions/owed-answers.ts';
import type { StoredThread, StoreTx } from '../store/store.ts';
import { threadViews } from '../threads/thread-views.ts';
import type { PackageFacts } from '../package-access/views.ts';
import { parseJson } from '#domain/json/parse-json.ts';

// What a resubmission must answer, and what is wrong with the answers it brings: every
// concern of every rejection of the latest version, and every clarification request still
// waiting for the owner, each exactly once.

/** One thing the owner owes an answer to. */
export interface OwedAnswer {
  target: AnswerTarget;
  /** answerTargetKey(target). */
  key: string;
  /** Who asked what where, e.g. `the concern of Dana Whitfield on "Subgroup fairness": Disparate…`. */
  description: string;
}

export interface AnswerFacts {
  packageId: string;
  latestVersion: number;
  /** Every decision and every thread of the package. */
  decisions: readonly Decision[];
  threads: readonly StoredThread[];
  /** The current text of the first message of each open clarification request, by thread id. */
  questions: ReadonlyMap<string, string>;
  /** The title of a section of a version as it was submitted; the key if unknown. */
  sectionTitle: (versionNumber: number, sectionKey: string) => string;
  /** Section keys of the content being submitted. */
  newSections: ReadonlySet<string>;
}

const excerptLength = 160;

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= excerptLength ? flat : `${flat.slice(0, excerptLength - 1).trimEnd()}…`;
}

export function owedAnswers(facts: AnswerFacts): OwedAnswer[] {
  const rejections = rejectionsToAnswer(facts.decisions.filter((d) => d.packageId === facts.packageId), facts.latestVersion);
  const concerns = rejections.flatMap((decision) =>
    decision.concerns.map((concern, index): OwedAnswer => {
      const target: AnswerTarget = { kind: 'concern', decisionId: decision.id, index };
      const section = facts.sectionTitle(decision.versionNumber, concern.sectionKey);
      return { target, key: answerTargetKey(target), description: `the concern of ${decision.actor.displayName} on "${section}": ${excerpt(concern.concern)}` };
    }),
  );
  const clarifications = facts.threads
    .filter((t) => t.packageId === facts.packageId && isOpenClarification(t))
    .map((thread): OwedAnswer => {
      const target: AnswerTarget = { kind: 'clarification', threadId: thread.id };
      const question = excerpt(facts.questions.get(thread.id) ?? '');
      const section = facts.sectionTitle(thread.versionNumber, thread.sectionKey);
      return { target, key: answerTargetKey(target), description: `the clarification request of ${thread.createdBy.displayName} on "${section}"${question ? `: ${question}` : ''}` };
    });
  return [...concerns, ...clarifications];
}

/** Why a target is not something this resubmission answers. */
function notOwed(target: AnswerTarget, facts: AnswerFacts): string {
  if (target.kind === 'concern') {
    const decision = facts.decisions.find((d) => d.id === target.decisionId && d.packageId === facts.packageId);
    if (!decision) return `This package has no decision ${target.decisionId}`;
    const who = decision.actor.displayName;
    if (decision.decision !== 'reject') return `The decision of ${who} is not a rejection; only the concerns of a rejection are answered`;
    if (decision.versionNumber !== facts.latestVersion) return `The rejection of ${who} is of version ${decision.versionNumber}; answer the concerns raised on version ${facts.latestVersion}`;
    const count = decision.concerns.length;
    return `The rejection of ${who} has ${count} concern${count === 1 ? '' : 's'} (index 0 to ${count - 1}); there is no concern ${target.index}`;
  }
  const thread = facts.threads.find((t) => t.id === target.threadId && t.packageId === facts.packageId);
  if (!thread) return `This package has no clarification request ${target.threadId}`;
  if (thread.kind !== 'clarification') return `Thread ${thread.id} is a ${threadKindLabels[thread.kind].toLowerCase()}, not a clarification request`;
  return `The clarification request of ${thread.createdBy.displayName} is ${thread.status} already; only open requests are answered`;
}

/** Every problem with a resubmission's answers, with its field; empty when they are right. */
export function answerProblems(answers: readonly ConcernAnswer[], facts: AnswerFacts): FieldProblem[] {
  const owed = owedAnswers(facts);
  const owedKeys = new Set(owed.map((o) => o.key));
  const answered = new Set<string>();
  const found: FieldProblem[] = [];
  answers.forEach((answer, i) => {
    const key = answerTargetKey(answer.target);
    if (answered.has(key)) {
      found.push({ pointer: `/answers/${i}/target`, message: 'An earlier answer already answers this; answer each concern and clarification request once', code: 'duplicate_answer' });
    } else if (owedKeys.has(key)) {
      answered.add(key);
    } else {
      found.push({ pointer: `/answers/${i}/target`, message: notOwed(answer.target, facts), code: 'unknown_target' });
    }
    answer.sectionKeys.forEach((sectionKey, j) => {
      if (!facts.newSections.has(sectionKey)) found.push({ pointer: `/answers/${i}/sectionKeys/${j}`, message: `The new version has no section "${sectionKey}"`, code: 'unknown_section' });
    });
  });
  for (const o of owed) {
    if (!answered.has(o.key)) found.push({ pointer: '/answers', message: `Answer ${o.description}`, code: 'missing_answer' });
  }
  return found;
}

/** Reads what answerProblems needs about a package, inside the caller's transaction. */
export async function loadAnswerFacts(tx: StoreTx, facts: PackageFacts, newContent: PackageContent): Promise<AnswerFacts> {
  const latestVersion = facts.versions.at(-1)?.number ?? 1;
  const open = facts.threads.filter(isOpenClarification);
  const questions = new Map((await threadViews(tx, open)).map((view) => [view.id, view.messages[0]?.body ?? '']));
  const titles = new Map<string, string>();
  for (const number of new Set([latestVersion, ...open.map((t) => t.versionNumber)])) {
    const version = await tx.findVersion(facts.pkg.id, number);
    // Stored content was validated when it was submitted; it is read back, not re-validated.
    const content = version ? (parseJson(version.canonicalContent) as PackageContent) : null;
    for (const section of content?.sections ?? []) titles.set(`${number}:${section.key}`, section.title);
  }
  return {
    packageId: facts.pkg.id,
    latestVersion,
    decisions: facts.decisions,
    threads: facts.threads,
    questions,
    sectionTitle: (number, key) => titles.get(`${number}:${key}`) ?? key,
    newSections: new Set(newContent.sections.map((s) => s.key)),
  };
}
