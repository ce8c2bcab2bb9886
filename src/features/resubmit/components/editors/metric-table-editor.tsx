import { flushSync } from 'react-dom';
import type { Metric, SectionOfKind } from '../../../../../domain/contracts/sections.ts';
import { buttonClasses } from '../../../../components/ui/button.ts';
import { optionalText, removeAt, replaceAt, withOptional } from '../../draft.ts';
import { fieldId, pointerJoin } from '../../field-errors.ts';
import { focusFirstControlIn } from '../../focus-field.ts';
import { NumberField, SectionNotesField, SelectField, TextField } from '../controls.tsx';
import { useFieldError } from '../field-errors-context.ts';
import { linkButtonClasses } from '../item-list.tsx';
import { ResultBadge } from '../result-badge.tsx';
import { operatorOptions } from './threshold-options.ts';

type MetricTable = SectionOfKind<'metric_table'>;

const th = 'px-2 py-2 text-left align-bottom text-sm font-semibold text-slate-700';
const td = 'px-2 py-2 align-top';

interface Props {
  section: MetricTable;
  pointer: string;
  onChange: (next: MetricTable) => void;
}

const newMetric = (): Metric => ({ key: '', name: '', value: Number.NaN, threshold: { operator: '>=', value: Number.NaN } });

/** The holdout dataset, then one row per metric with its live verdict against its threshold. */
export function MetricTableEditor({ section, pointer, onChange }: Props) {
  const metricsPointer = pointerJoin(pointer, 'metrics');
  const listError = useFieldError(metricsPointer);
  const addId = fieldId(pointerJoin(metricsPointer, '-'));
  const setMetrics = (metrics: Metric[]) => onChange({ ...section, metrics });
  const dataset = section.dataset;
  const at = (field: keyof MetricTable['dataset']) => pointerJoin(pointer, 'dataset', field);

  const add = () => {
    flushSync(() => setMetrics([...section.metrics, newMetric()]));
    focusFirstControlIn(fieldId(pointerJoin(metricsPointer, section.metrics.length)));
  };
  const remove = (index: number) => {
    flushSync(() => setMetrics(removeAt(section.metrics, index)));
    document.getElementById(addId)?.focus();
  };

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

      <div className="space-y-3">
        {listError && (
          <p id={fieldId(metricsPointer)} tabIndex={-1} className="font-semibold text-red-800">
            {listError}
          </p>
        )}
        <div className="overflow-x-auto rounded-md border border-slate-200">
          <table className="w-full border-collapse">
            <caption className="sr-only">Metrics of {section.title}, with their thresholds and whether each passes</caption>
            <thead className="border-b border-slate-200 bg-slate-100">
              <tr>
                <th scope="col" className={th}>
                  Metric
                </th>
                <th scope="col" className={th}>
                  Key
                </th>
                <th scope="col" className={th}>
                  Value
                </th>
                <th scope="col" className={th}>
                  Threshold
                </th>
                <th scope="col" className={th}>
                  Unit
                </th>
                <th scope="col" className={th}>
                  Note
                </th>
                <th scope="col" className={th}>
                  Result
                </th>
                <th scope="col" className={th}>
                  <span className="sr-only">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {section.metrics.map((metric, index) => (
                <MetricRow
                  key={index}
                  metric={metric}
                  position={index + 1}
                  pointer={pointerJoin(metricsPointer, index)}
                  onChange={(next) => setMetrics(replaceAt(section.metrics, index, next))}
                  onRemove={() => remove(index)}
                />
              ))}
            </tbody>
          </table>
        </div>
        <button id={addId} type="button" className={buttonClasses.secondary} onClick={add}>
          Add a metric
        </button>
      </div>

      <SectionNotesField section={section} pointer={pointer} onChange={onChange} />
    </div>
  );
}

interface RowProps {
  metric: Metric;
  position: number;
  pointer: string;
  onChange: (next: Metric) => void;
  onRemove: () => void;
}

function MetricRow({ metric, position, pointer, onChange, onRemove }: RowProps) {
  const name = metric.name.trim() || `metric ${position}`;
  const at = (...path: string[]) => pointerJoin(pointer, ...path);
  const rowError = useFieldError(pointer);
  return (
    <tr id={fieldId(pointer)} tabIndex={-1}>
      <td className={`${td} min-w-56`}>
        <TextField hideLabel pointer={at('name')} label={`Name of metric ${position}`} value={metric.name} onChange={(value) => onChange({ ...metric, name: value })} />
        {rowError && <p className="text-sm font-semibold text-red-800">{rowError}</p>}
      </td>
      <td className={`${td} min-w-32`}>
        <TextField hideLabel pointer={at('key')} label={`Key of ${name}`} value={metric.key} onChange={(key) => onChange({ ...metric, key })} />
      </td>
      <td className={`${td} w-28`}>
        <NumberField hideLabel pointer={at('value')} label={`Value of ${name}`} value={metric.value} onChange={(value) => onChange({ ...metric, value })} />
      </td>
      <td className={`${td} min-w-52`}>
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
      <td className={`${td} w-24`}>
        <TextField hideLabel pointer={at('unit')} label={`Unit of ${name}`} value={metric.unit ?? ''} onChange={(unit) => onChange(withOptional(metric, 'unit', optionalText(unit)))} />
      </td>
      <td className={`${td} min-w-48`}>
        <TextField hideLabel pointer={at('note')} label={`Note on ${name}`} value={metric.note ?? ''} onChange={(note) => onChange(withOptional(metric, 'note', optionalText(note)))} />
      </td>
      <td className={`${td} pt-3`}>
        <ResultBadge value={metric.value} threshold={metric.threshold} of={`${fieldId(at('value'))} ${fieldId(at('threshold', 'value'))}`} />
      </td>
      <td className={`${td} pt-3`}>
        <button type="button" className={linkButtonClasses} onClick={onRemove}>
          Remove <span className="sr-only">{name}</span>
        </button>
      </td>
    </tr>
  );
}
