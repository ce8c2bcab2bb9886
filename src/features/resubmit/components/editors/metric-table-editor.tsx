import type { Metric, SectionOfKind } from '#domain/contracts/sections.ts';
import { optionalText, withOptional } from '../../draft.ts';
import { fieldId, pointerJoin } from '../../field-errors.ts';
import { NumberField, SectionNotesField, SelectField, TextField } from '../fields/controls.tsx';
import { ResultBadge } from './result-badge.tsx';
import { cellClasses, RowError, RowTable, type Row } from '../fields/row-table.tsx';
import { operatorOptions } from './threshold-options.ts';

type MetricTable = SectionOfKind<'metric_table'>;

interface Props {
  section: MetricTable;
  pointer: string;
  onChange: (next: MetricTable) => void;
}

const newMetric = (): Metric => ({ key: '', name: '', value: Number.NaN, threshold: { operator: '>=', value: Number.NaN } });

const headings = ['Metric', 'Key', 'Value', 'Threshold', 'Unit', 'Note', 'Result'];

/** The holdout dataset, then one row per metric with its live verdict against its threshold. */
export function MetricTableEditor({ section, pointer, onChange }: Props) {
  const dataset = section.dataset;
  const at = (field: keyof MetricTable['dataset']) => pointerJoin(pointer, 'dataset', field);

  return (
    <div className="space-y-6">
      <fieldset className="space-y-3">
        <legend className="font-semibold">Holdout dataset</legend>
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField pointer={at('name')} label="Name" value={dataset.name} onChange={(name) => onChange({ ...section, dataset: { ...dataset, name } })} />
          <TextField pointer={at('version')} label="Version" value={dataset.version} onChange={(version) => onChange({ ...section, dataset: { ...dataset, version } })} />
          <NumberField pointer={at('rows')} label="Rows" integer value={dataset.rows} onChange={(rows) => onChange({ ...section, dataset: { ...dataset, rows } })} />
        </div>
      </fieldset>

      <RowTable
        pointer={pointerJoin(pointer, 'metrics')}
        items={section.metrics}
        noun="metric"
        nameOf={(metric) => metric.name}
        create={newMetric}
        onChange={(metrics) => onChange({ ...section, metrics })}
        caption={`Metrics of ${section.title}, with their thresholds and whether each passes`}
        headings={headings}
        renderCells={(metric, row) => <MetricCells metric={metric} row={row} />}
      />

      <SectionNotesField section={section} pointer={pointer} onChange={onChange} />
    </div>
  );
}

function MetricCells({ metric, row }: { metric: Metric; row: Row<Metric> }) {
  const { name, position, update: onChange } = row;
  const at = (...path: string[]) => pointerJoin(row.pointer, ...path);
  return (
    <>
      <td className={`${cellClasses} min-w-56`}>
        <TextField hideLabel pointer={at('name')} label={`Name of metric ${position}`} value={metric.name} onChange={(value) => onChange({ ...metric, name: value })} />
        <RowError pointer={row.pointer} />
      </td>
      <td className={`${cellClasses} min-w-32`}>
        <TextField hideLabel pointer={at('key')} label={`Key of ${name}`} value={metric.key} onChange={(key) => onChange({ ...metric, key })} />
      </td>
      <td className={`${cellClasses} w-28`}>
        <NumberField hideLabel pointer={at('value')} label={`Value of ${name}`} value={metric.value} onChange={(value) => onChange({ ...metric, value })} />
      </td>
      <td className={`${cellClasses} min-w-52`}>
        <div className="flex gap-1">
          <SelectField
            hideLabel
            pointer={at('threshold', 'operator')}
            label={`Threshold operator of ${name}`}
            options={operatorOptions}
            value={metric.threshold.operator}
            onChange={(operator) => onChange({ ...metric, threshold: { ...metric.threshold, operator } })}
          />
          <NumberField
            hideLabel
            pointer={at('threshold', 'value')}
            label={`Threshold of ${name}`}
            value={metric.threshold.value}
            onChange={(value) => onChange({ ...metric, threshold: { ...metric.threshold, value } })}
          />
        </div>
      </td>
      <td className={`${cellClasses} w-24`}>
        <TextField hideLabel pointer={at('unit')} label={`Unit of ${name}`} value={metric.unit ?? ''} onChange={(unit) => onChange(withOptional(metric, 'unit', optionalText(unit)))} />
      </td>
      <td className={`${cellClasses} min-w-48`}>
        <TextField hideLabel pointer={at('note')} label={`Note on ${name}`} value={metric.note ?? ''} onChange={(note) => onChange(withOptional(metric, 'note', optionalText(note)))} />
      </td>
      <td className={`${cellClasses} pt-3`}>
        <ResultBadge value={metric.value} threshold={metric.threshold} of={`${fieldId(at('value'))} ${fieldId(at('threshold', 'value'))}`} />
      </td>
    </>
  );
}
