import { impactSchema, likelihoodSchema, residualRiskSchema, type SectionOfKind } from '#domain/contracts/sections.ts';
import { pointerJoin } from '../../field-errors.ts';
import { LinesField, SelectField, TextAreaField, TextField } from '../fields/controls.tsx';
import { ItemListSection, type SectionEditorProps } from './item-list-section.tsx';

type RiskRegister = SectionOfKind<'risk_register'>;
type Risk = RiskRegister['risks'][number];

const optionsOf = <T extends string>(values: readonly T[]) => values.map((value) => ({ value, label: (value.charAt(0).toUpperCase() + value.slice(1)).replace(/_/g, ' ') }));
const likelihoods = optionsOf(likelihoodSchema.options);
const impacts = optionsOf(impactSchema.options);
const residuals = optionsOf(residualRiskSchema.options);

const newRisk = (): Risk => ({ key: '', title: '', description: '', likelihood: 'possible', impact: 'moderate', controls: [], residualRisk: 'medium', owner: '' });

export function RiskRegisterEditor(props: SectionEditorProps<RiskRegister>) {
  return <ItemListSection {...props} list="risks" noun="risk" nameOf={(risk) => risk.title} create={newRisk} renderItem={(risk, at, update) => <RiskFields risk={risk} pointer={at} onChange={update} />} />;
}

function RiskFields({ risk, pointer, onChange }: { risk: Risk; pointer: string; onChange: (next: Risk) => void }) {
  const at = (field: keyof Risk) => pointerJoin(pointer, field);
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField pointer={at('key')} label="Key" value={risk.key} onChange={(key) => onChange({ ...risk, key })} />
      <TextField pointer={at('title')} label="Title" value={risk.title} onChange={(title) => onChange({ ...risk, title })} />
      <div className="sm:col-span-2">
        <TextAreaField pointer={at('description')} label="Description" rows={3} value={risk.description} onChange={(description) => onChange({ ...risk, description })} />
      </div>
      <SelectField pointer={at('likelihood')} label="Likelihood" options={likelihoods} value={risk.likelihood} onChange={(likelihood) => onChange({ ...risk, likelihood })} />
      <SelectField pointer={at('impact')} label="Impact" options={impacts} value={risk.impact} onChange={(impact) => onChange({ ...risk, impact })} />
      <LinesField pointer={at('controls')} label="Controls" hint="One per line." value={risk.controls} onChange={(lines) => onChange({ ...risk, controls: [...lines] })} />
      <div className="space-y-4">
        <SelectField pointer={at('residualRisk')} label="Residual risk" options={residuals} value={risk.residualRisk} onChange={(residualRisk) => onChange({ ...risk, residualRisk })} />
        <TextField pointer={at('owner')} label="Owner" value={risk.owner} onChange={(owner) => onChange({ ...risk, owner })} />
      </div>
    </div>
  );
}
