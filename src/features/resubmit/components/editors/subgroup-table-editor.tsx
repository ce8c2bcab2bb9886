import type { SectionOfKind, SubgroupRow } from '#domain/contracts/sections.ts';
import { describeThreshold } from '#domain/package/thresholds.ts';
import { optionalText, withOptional } from '../../draft.ts';
import { fieldId, pointerJoin } from '../../field-errors.ts';
import { NumberField, SectionNotesField, TextField } from '../fields/controls.tsx';
import { ResultBadge } from './result-badge.tsx';
import { cellClasses, RowError, RowTable, type Row } from '../fields/row-table.tsx';

type SubgroupTable = SectionOfKind<'subgroup_table'>;
type SubgroupMetric = SubgroupTable['metrics'][number];

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
  const newRow = (): SubgroupRow => ({ key: '', attribute: section.rows.at(-1)?.attribute ?? '', group: '', sampleSize: Number.NaN, values: Object.fromEntries(section.metrics.map((metric) => [metric.key, Number.NaN])) });
  const metricHeadings = section.metrics.map((metric) => (
    <>
      {metric.name}
      <span className="block font-normal text-slate-600">needs {describeThreshold(metric.threshold)}</span>
    </>
  ));

  return (
    <div className="space-y-6">
      <TextField
        pointer={pointerJoin(pointer, 'referenceGroup')}
        label="Reference group (optional)"
        value={section.referenceGroup ?? ''}
        onChange={(group) => onChange(withOptional(section, 'referenceGroup', optionalText(group)))}
      />
      <RowTable
        pointer={pointerJoin(pointer, 'rows')}
        items={section.rows}
        noun="subgroup"
        nameOf={(row) => row.group}
        create={newRow}
        onChange={(rows) => onChange({ ...section, rows })}
        caption={`Subgroups of ${section.title}, with each metric’s value and whether it meets the threshold`}
        headings={['Subgroup', 'Attribute', 'Key', 'Sample size', ...metricHeadings]}
        renderCells={(subgroup, row) => <SubgroupCells subgroup={subgroup} row={row} metrics={section.metrics} />}
      />
      <SectionNotesField section={section} pointer={pointer} onChange={onChange} />
    </div>
  );
}

function SubgroupCells({ subgroup, row, metrics }: { subgroup: SubgroupRow; row: Row<SubgroupRow>; metrics: readonly SubgroupMetric[] }) {
  const { name, position, update: onChange } = row;
  const at = (...path: string[]) => pointerJoin(row.pointer, ...path);
  return (
    <>
      <td className={`${cellClasses} min-w-48`}>
        <TextField hideLabel pointer={at('group')} label={`Name of subgroup ${position}`} value={subgroup.group} onChange={(group) => onChange({ ...subgroup, group })} />
        <RowError pointer={row.pointer} />
      </td>
      <td className={`${cellClasses} min-w-36`}>
        <TextField hideLabel pointer={at('attribute')} label={`Attribute of ${name}`} value={subgroup.attribute} onChange={(attribute) => onChange({ ...subgroup, attribute })} />
      </td>
      <td className={`${cellClasses} min-w-28`}>
        <TextField hideLabel pointer={at('key')} label={`Key of ${name}`} value={subgroup.key} onChange={(key) => onChange({ ...subgroup, key })} />
      </td>
      <td className={`${cellClasses} w-28`}>
        <NumberField hideLabel integer pointer={at('sampleSize')} label={`Sample size of ${name}`} value={subgroup.sampleSize} onChange={(sampleSize) => onChange({ ...subgroup, sampleSize })} />
      </td>
      {metrics.map((metric) => {
        const valuePointer = at('values', metric.key);
        const value = subgroup.values[metric.key];
        return (
          <td key={metric.key} className={`${cellClasses} w-32`}>
            <NumberField
              hideLabel
              pointer={valuePointer}
              label={`${metric.name} for ${name}`}
              value={value ?? Number.NaN}
              onChange={(next) => onChange({ ...subgroup, values: { ...subgroup.values, [metric.key]: next } })}
            />
            <ResultBadge value={value} threshold={metric.threshold} of={fieldId(valuePointer)} />
          </td>
        );
      })}
    </>
  );
}
