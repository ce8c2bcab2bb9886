import { modelTypeLabels, modelTypeSchema, type ModelType, type SectionOfKind } from '#domain/contracts/sections.ts';
import { DefinitionList } from '#src/components/ui/definition-list.tsx';
import { useBusinessLines } from '#src/lib/business-lines.ts';
import { pointerJoin } from '../../field-errors.ts';
import { SelectField, TextAreaField, TextField } from '../fields/controls.tsx';

type Identification = SectionOfKind<'identification'>;

const tiers = [
  { value: 1, label: '1 (critical)' },
  { value: 2, label: '2' },
  { value: 3, label: '3' },
  { value: 4, label: '4 (experimental)' },
] as const satisfies readonly { value: number; label: string }[];

// "Not stated" leaves the field out, as packages made before model types were required have
// it. A new version keeps the first version's type (docs/decisions/0168): choosing another is
// refused beside this field.
const modelTypes: readonly { value: ModelType | ''; label: string }[] = [{ value: '', label: 'Not stated' }, ...modelTypeSchema.options.map((value) => ({ value, label: modelTypeLabels[value] }))];

function withModelType(section: Identification, modelType: ModelType | ''): Identification {
  const { modelType: _old, ...rest } = section;
  return modelType === '' ? rest : { ...rest, modelType };
}

/**
 * The organisation's lines in use (docs/decisions/0168), and the package's own spelling when the
 * list spells it otherwise or retired it: the server says beside the field which to choose.
 */
function lineOptions(lines: readonly { label: string; retiredAt: string | null }[], current: string): { value: string; label: string }[] {
  const options = lines.filter((l) => l.retiredAt === null || l.label === current).map((l) => ({ value: l.label, label: l.retiredAt === null ? l.label : `${l.label} (retired)` }));
  return options.some((o) => o.value === current) ? options : [{ value: current, label: `${current} (not on the list)` }, ...options];
}

interface Props {
  section: Identification;
  pointer: string;
  onChange: (next: Identification) => void;
}

/** Who and what the package is about. The model key and version label name the package: they stay. */
export function IdentificationEditor({ section, pointer, onChange }: Props) {
  const at = (field: keyof Identification) => pointerJoin(pointer, field);
  const lines = useBusinessLines();
  return (
    <div className="space-y-4">
      <DefinitionList
        layout="stacked"
        className="sm:grid-cols-2"
        facts={[
          ['Model key', <code key="key">{section.modelKey}</code>],
          ['Version label', section.versionLabel],
        ]}
      />
      <p className="text-sm text-slate-600">The model key and version label name this package: every version keeps them.</p>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField pointer={at('modelName')} label="Model name" value={section.modelName} onChange={(modelName) => onChange({ ...section, modelName })} />
        <TextField pointer={at('ownerTeam')} label="Owner team" value={section.ownerTeam} onChange={(ownerTeam) => onChange({ ...section, ownerTeam })} />
        <TextField pointer={at('ownerContact')} label="Owner contact (email)" type="email" autoComplete="email" value={section.ownerContact} onChange={(ownerContact) => onChange({ ...section, ownerContact })} />
        <SelectField<string> pointer={at('businessLine')} label="Business line" options={lineOptions(lines.data ?? [], section.businessLine)} value={section.businessLine} onChange={(businessLine) => onChange({ ...section, businessLine })} />
        <SelectField<number> pointer={at('riskTier')} label="Risk tier" options={tiers} value={section.riskTier} onChange={(riskTier) => onChange({ ...section, riskTier })} />
        <SelectField<ModelType | ''> pointer={at('modelType')} label="Model type" options={modelTypes} value={section.modelType ?? ''} onChange={(modelType) => onChange(withModelType(section, modelType))} />
      </div>
      <TextAreaField
        pointer={at('changeSummary')}
        label="Change summary"
        hint="What changed against the previous model version, in Markdown."
        rows={8}
        mono
        value={section.changeSummary}
        onChange={(changeSummary) => onChange({ ...section, changeSummary })}
      />
    </div>
  );
}
