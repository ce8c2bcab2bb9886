import { memo, useId } from 'react';
import { sectionKindLabels, type Section } from '#domain/contracts/sections.ts';
import { fieldId, pointerJoin } from '../field-errors.ts';
import { SectionEditor } from './editors/section-editor.tsx';
import { useFieldError } from './fields/field-errors-context.ts';

interface Props {
  section: Section;
  index: number;
  changed: boolean;
  /** How many problems the last check or submission found in this section. */
  problems: number;
  /** How many concerns and clarification requests are about this section. */
  asked: number;
  open: boolean;
  onToggle: (key: string) => void;
  onChange: (index: number, next: Section) => void;
}

/**
 * One section as a disclosure: its heading says whether it differs from the version it
 * started from, and the editor renders only while it is open. Memoized: a keystroke in
 * one section re-renders that section, not the package.
 */
export const SectionPanel = memo(function SectionPanel({ section, index, changed, problems, asked, open, onToggle, onChange }: Props) {
  const panelId = useId();
  const headingId = useId();
  const pointer = pointerJoin('/content/sections', index);
  const sectionError = useFieldError(pointer);
  return (
    <section aria-labelledby={headingId} className={`rounded-md border bg-white shadow-sm ${problems > 0 ? 'border-red-700' : 'border-slate-200'}`}>
      <h3 id={headingId} className="text-lg font-semibold">
        <button
          type="button"
          id={fieldId(pointer)}
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => onToggle(section.key)}
          className="flex w-full flex-wrap items-center gap-x-3 gap-y-1 p-4 text-left hover:bg-slate-50"
        >
          <span aria-hidden="true" className="w-4 text-slate-600">
            {open ? '▾' : '▸'}
          </span>
          <span className="flex-1">
            {index + 1}. {section.title}
          </span>
          <span className="text-sm font-normal text-slate-600">{sectionKindLabels[section.kind]}</span>
          {asked > 0 && <span className="text-sm font-normal text-amber-900">{asked} to answer</span>}
          {problems > 0 && <span className="text-sm text-red-800">{problems === 1 ? '1 problem' : `${problems} problems`}</span>}
          <span className={`rounded-full px-2 py-0.5 text-sm ${changed ? 'bg-blue-100 font-semibold text-blue-950' : 'bg-slate-100 font-normal text-slate-700'}`}>
            {changed ? '● Changed' : 'Unchanged'}
          </span>
        </button>
      </h3>
      <div id={panelId} hidden={!open} className="space-y-4 border-t border-slate-200 p-4">
        {sectionError && <p className="font-semibold text-red-800">{sectionError}</p>}
        {open && <SectionEditor section={section} pointer={pointer} onChange={(next) => onChange(index, next)} />}
      </div>
    </section>
  );
});
