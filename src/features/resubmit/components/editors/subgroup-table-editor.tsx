import { flushSync } from 'react-dom';
import type { SectionOfKind, SubgroupRow } from '../../../../../domain/contracts/sections.ts';
import { describeThreshold } from '../../../../../domain/package/thresholds.ts';
import { buttonClasses } from '../../../../components/ui/button.ts';
import { optionalText, removeAt, replaceAt, withOptional } from '../../draft.ts';
import { fieldId, pointerJoin } from '../../field-errors.ts';
import { focusFirstControlIn } from '../../focus-field.ts';
import { NumberField, SectionNotesField, TextField } from '../controls.tsx';
import { useFieldError } from '../field-errors-context.ts';
import { linkButtonClasses } from '../item-list.tsx';
import { ResultBadge } from '../result-badge.tsx';

type SubgroupTable = SectionOfKind<'subgroup_table'>;
type SubgroupMetric = SubgroupTable['metrics'][number];

const th = 'px-2 py-2 text-left align-bottom text-sm font-semibold text-slate-700';
const td = 'px-2 py-2 align-top';

interface Props {
  section: SubgroupTable;
  pointer: string;
  onChange: (next: SubgroupTable) => void;
}

/**
 * Subgroups down, metrics across, each value with its live verdict against the metric's
 * threshold. The metrics and their thresholds are policy: shown, not edited here.
 */
export function SubgroupTableEditor({ section, pointer, onChange }: Props) {
  const rowsPointer = pointerJoin(pointer, 'rows');
  const listError = useFieldError(rowsPointer);
  const addId = fieldId(pointerJoin(rowsPointer, '-'));
  const setRows = (rows: SubgroupRow[]) => onChange({ ...section, rows });
  const newRow = (): SubgroupRow => ({ key: '', attribute: section.rows.at(-1)?.attribute ?? '', group: '', sampleSize: Number.NaN, values: Object.fromEntries(section.metrics.map((metric) => [metric.key, Number.NaN])) });

  const add = () => {
    flushSync(() => setRows([...section.rows, newRow()]));
    focusFirstControlIn(fieldId(pointerJoin(rowsPointer, section.rows.length)));
  };
  const remove = (index: number) => {
    flushSync(() => setRows(removeAt(section.rows, index)));
    document.getElementById(addId)?.focus();
  };

  return (
    <div className="space-y-6">
      <TextField
        pointer={pointerJoin(pointer, 'referenceGroup')}
        label="Reference group (optional)"
        value={section.referenceGroup ?? ''}
        onChange={(group) => onChange(withOptional(section, 'referenceGroup', optionalText(group)))}
      />
      <div className="space-y-3">
        {listError && (
          <p id={fieldId(rowsPointer)} tabIndex={-1} className="font-semibold text-red-800">
            {listError}
          </p>
        )}
        <div className="overflow-x-auto rounded-md border border-slate-200">
          <table className="w-full border-collapse">
            <caption className="sr-only">Subgroups of {section.title}, with each metric’s value and whether it meets the threshold</caption>
            <thead className="border-b border-slate-200 bg-slate-100">
              <tr>
                <th scope="col" className={th}>
                  Subgroup
                </th>
                <th scope="col" className={th}>
                  Attribute
                </th>
                <th scope="col" className={th}>
                  Key
                </th>
                <th scope="col" className={th}>
                  Sample size
                </th>
                {section.metrics.map((metric) => (
                  <th key={metric.key} scope="col" className={th}>
                    {metric.name}
                    <span className="block font-normal text-slate-600">needs {describeThreshold(metric.threshold)}</span>
                  </th>
                ))}
                <th scope="col" className={th}>
                  <span className="sr-only">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {section.rows.map((row, index) => (
                <SubgroupRowEditor
                  key={index}
                  row={row}
                  position={index + 1}
                  metrics={section.metrics}
                  pointer={pointerJoin(rowsPointer, index)}
                  onChange={(next) => setRows(replaceAt(section.rows, index, next))}
                  onRemove={() => remove(index)}
                />
              ))}
            </tbody>
          </table>
        </div>
        <button id={addId} type="button" className={buttonClasses.secondary} onClick={add}>
          Add a subgroup
        </button>
      </div>
      <SectionNotesField section={section} pointer={pointer} onChange={onChange} />
    </div>
  );
}

interface RowProps {
  row: SubgroupRow;
  position: number;
  metrics: readonly SubgroupMetric[];
  pointer: string;
  onChange: (next: SubgroupRow) => void;
  onRemove: () => void;
}

function SubgroupRowEditor({ row, position, metrics, pointer, onChange, onRemove }: RowProps) {
  const name = row.group.trim() || `subgroup ${position}`;
  const at = (...path: string[]) => pointerJoin(pointer, ...path);
  const rowError = useFieldError(pointer);
  return (
    <tr id={fieldId(pointer)} tabIndex={-1}>
      <td className={`${td} min-w-48`}>
        <TextField hideLabel pointer={at('group')} label={`Name of subgroup ${position}`} value={row.group} onChange={(group) => onChange({ ...row, group })} />
        {rowError && <p className="text-sm font-semibold text-red-800">{rowError}</p>}
      </td>
      <td className={`${td} min-w-36`}>
        <TextField hideLabel pointer={at('attribute')} label={`Attribute of ${name}`} value={row.attribute} onChange={(attribute) => onChange({ ...row, attribute })} />
      </td>
      <td className={`${td} min-w-28`}>
        <TextField hideLabel pointer={at('key')} label={`Key of ${name}`} value={row.key} onChange={(key) => onChange({ ...row, key })} />
      </td>
      <td className={`${td} w-28`}>
        <NumberField hideLabel integer pointer={at('sampleSize')} label={`Sample size of ${name}`} value={row.sampleSize} onChange={(sampleSize) => onChange({ ...row, sampleSize })} />
      </td>
      {metrics.map((metric) => {
        const valuePointer = at('values', metric.key);
        const value = row.values[metric.key];
        return (
          <td key={metric.key} className={`${td} w-32`}>
            <NumberField
              hideLabel
              pointer={valuePointer}
              label={`${metric.name} for ${name}`}
              value={value ?? Number.NaN}
              onChange={(next) => onChange({ ...row, values: { ...row.values, [metric.key]: next } })}
            />
            <ResultBadge value={value} threshold={metric.threshold} of={fieldId(valuePointer)} />
          </td>
        );
      })}
      <td className={`${td} pt-3`}>
        <button type="button" className={linkButtonClasses} onClick={onRemove}>
          Remove <span className="sr-only">{name}</span>
        </button>
      </td>
    </tr>
  );
}
