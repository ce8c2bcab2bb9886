import { useId } from 'react';
import type { Section } from '#domain/contracts/sections.ts';
import { Definition, DefinitionList } from '#src/components/ui/definition-list.tsx';
import type { AnswerTargetView } from '../answer-targets.ts';
import { emptyAnswer, type AnswerDraft } from '../draft.ts';
import { answerPointer, fieldId } from '../field-errors.ts';
import { TextAreaField } from './fields/controls.tsx';
import { useFieldError } from './fields/field-errors-context.ts';

interface Props {
  targets: readonly AnswerTargetView[];
  answers: Readonly<Record<string, AnswerDraft>>;
  sections: readonly Section[];
  baseVersion: number;
  onChange: (key: string, answer: AnswerDraft) => void;
}

export function isAnswered(answer: AnswerDraft | undefined): boolean {
  return (answer?.answer.trim() ?? '') !== '';
}

/** One answer per rejection concern and per open clarification request, with what it answers. */
export function AnswersPanel({ targets, answers, sections, baseVersion, onChange }: Props) {
  const panelError = useFieldError('/answers');
  const answered = targets.filter((target) => isAnswered(answers[target.key])).length;
  return (
    <section aria-labelledby={fieldId('/answers')} className="space-y-4">
      <h2 id={fieldId('/answers')} tabIndex={-1} className="text-xl font-bold">
        Answers to the reviewers
      </h2>
      {targets.length === 0 ? (
        <p className="text-slate-700">Nothing to answer: no rejection concern or clarification request is open on version {baseVersion}.</p>
      ) : (
        <p className="text-slate-700">
          Say, for each concern and each open clarification request, what you changed and where. Reviewers read your answers beside the new version.{' '}
          <span className="font-semibold">
            {answered} of {targets.length} answered.
          </span>
        </p>
      )}
      {panelError && <p className="font-semibold text-red-800">{panelError}</p>}
      <ol className="space-y-4">
        {targets.map((target) => (
          <li key={target.key}>
            <AnswerCard target={target} answer={answers[target.key] ?? emptyAnswer} sections={sections} onChange={(answer) => onChange(target.key, answer)} />
          </li>
        ))}
      </ol>
    </section>
  );
}

interface CardProps {
  target: AnswerTargetView;
  answer: AnswerDraft;
  sections: readonly Section[];
  onChange: (answer: AnswerDraft) => void;
}

function AnswerCard({ target, answer, sections, onChange }: CardProps) {
  const titleId = useId();
  const pointer = answerPointer(target.key);
  const answerError = useFieldError(pointer);
  const targetError = useFieldError(`${pointer}/target`);
  const sectionsError = useFieldError(answerPointer(target.key, 'sectionKeys'));
  const concern = target.target.kind === 'concern';
  const toggle = (key: string, on: boolean) => {
    const chosen = new Set(answer.sectionKeys);
    if (on) chosen.add(key);
    else chosen.delete(key);
    // In the package's order, whatever order they were ticked in.
    onChange({ ...answer, sectionKeys: sections.map((section) => section.key).filter((candidate) => chosen.has(candidate)) });
  };
  return (
    <article id={fieldId(pointer)} tabIndex={-1} aria-labelledby={titleId} className="space-y-3 rounded-md border border-slate-300 bg-white p-4 shadow-sm">
      <h3 id={titleId} className="text-lg font-semibold">
        {target.label}: {target.sectionTitle}
      </h3>
      <p className="text-sm text-slate-700">
        {concern ? 'Rejection by' : 'Asked by'} {target.reviewer}
        {target.role && ` (${target.role})`}
      </p>
      {target.quote && (
        <blockquote className="border-l-4 border-slate-300 pl-3 italic text-slate-700">
          <span className="sr-only">Quoted passage: </span>“{target.quote}”
        </blockquote>
      )}
      <DefinitionList layout="stacked">
        <Definition term={concern ? 'Concern' : 'Question'} className="whitespace-pre-line">
          {target.text}
        </Definition>
        {target.requiredChange && (
          <Definition term="Required change" className="whitespace-pre-line">
            {target.requiredChange}
          </Definition>
        )}
      </DefinitionList>
      {[answerError, targetError].filter(Boolean).map((error) => (
        <p key={error} className="font-semibold text-red-800">
          {error}
        </p>
      ))}
      <TextAreaField
        pointer={answerPointer(target.key, 'answer')}
        label={`Your answer to ${target.label.toLowerCase()}`}
        hint="What changed, and where; for example “Subgroup fairness: the disparate impact ratio is now 0.86 after reweighting.”"
        rows={4}
        value={answer.answer}
        onChange={(text) => onChange({ ...answer, answer: text })}
      />
      <fieldset id={fieldId(answerPointer(target.key, 'sectionKeys'))} tabIndex={-1} className="space-y-2">
        <legend className="font-semibold">Sections that carry the change (optional)</legend>
        {sectionsError && <p className="font-semibold text-red-800">{sectionsError}</p>}
        <div className="grid gap-x-6 gap-y-1 sm:grid-cols-2">
          {sections.map((section) => (
            <label key={section.key} className="flex items-start gap-2">
              <input type="checkbox" className="mt-1.5" checked={answer.sectionKeys.includes(section.key)} onChange={(event) => toggle(section.key, event.target.checked)} />
              {section.title}
            </label>
          ))}
        </div>
      </fieldset>
    </article>
  );
}
