import type { Actor } from '#domain/contracts/decisions.ts';
import type { SignedObligation } from '#domain/contracts/obligations.ts';
import { parseScopeText } from '#domain/obligations/scope-text.ts';
import { buttonClasses } from '#src/components/ui/button.ts';
import { Field, inputClasses } from '#src/components/ui/field.tsx';

// Each condition of an approval as an obligation (docs/decisions/0111): what is owed, by whom
// of the owner team, by when, and optionally the scope as a machine-readable statement.

export interface ObligationDraft {
  text: string;
  ownerId: string;
  dueOn: string;
  scopeText: string;
}

export const emptyObligation = (ownerId: string): ObligationDraft => ({ text: '', ownerId, dueOn: '', scopeText: '' });

/** The obligations as signed, or the problems by the server's JSON Pointers (the scope parsed here as the server would). */
export function obligationsOf(drafts: readonly ObligationDraft[]): { obligations: SignedObligation[]; problems: Record<string, string> } {
  const problems: Record<string, string> = {};
  const obligations = drafts.map((d, index): SignedObligation => {
    const at = `/payload/obligations/${index}`;
    if (!d.text.trim()) problems[`${at}/text`] = 'State the condition';
    if (!d.ownerId) problems[`${at}/ownerId`] = 'Choose who owes this condition';
    if (!d.dueOn) problems[`${at}/dueOn`] = 'Choose the due date';
    const parsed = parseScopeText(d.scopeText);
    if ('problem' in parsed) problems[`${at}/scope`] = parsed.problem;
    return { text: d.text.trim(), ownerId: d.ownerId, dueOn: d.dueOn, scope: 'scope' in parsed ? parsed.scope : null };
  });
  return { obligations, problems };
}

interface Props {
  drafts: ObligationDraft[];
  setDrafts: (update: (drafts: ObligationDraft[]) => ObligationDraft[]) => void;
  /** The owner team: who may owe a condition. */
  team: Actor[];
  errorAt: (pointer: string) => string | undefined;
}

export function ObligationsFieldset({ drafts, setDrafts, team, errorAt }: Props) {
  const update = (index: number, change: Partial<ObligationDraft>) => setDrafts((list) => list.map((d, i) => (i === index ? { ...d, ...change } : d)));
  return (
    <fieldset className="space-y-3">
      <legend className="font-semibold">Obligations</legend>
      <p className="text-sm text-slate-700">Track each condition as an obligation: the owner team records its fulfilment, a reviewer of this step confirms it, and past its due date the approval lapses.</p>
      {errorAt('/payload/obligations') && <p className="text-red-800">{errorAt('/payload/obligations')}</p>}
      {drafts.map((d, index) => (
        <div key={index} className="space-y-2 rounded-md border border-slate-300 p-3">
          <Field label={`Obligation ${index + 1}: condition`} error={errorAt(`/payload/obligations/${index}/text`)}>
            {(props) => <textarea {...props} rows={2} className={inputClasses} value={d.text} onChange={(e) => update(index, { text: e.target.value })} />}
          </Field>
          <div className="grid gap-2 sm:grid-cols-2">
            <Field label="Owner" error={errorAt(`/payload/obligations/${index}/ownerId`)}>
              {(props) => (
                <select {...props} className={inputClasses} value={d.ownerId} onChange={(e) => update(index, { ownerId: e.target.value })}>
                  <option value="">Choose…</option>
                  {team.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.displayName}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Due date" error={errorAt(`/payload/obligations/${index}/dueOn`)}>
              {(props) => <input {...props} type="date" className={inputClasses} value={d.dueOn} onChange={(e) => update(index, { dueOn: e.target.value })} />}
            </Field>
          </div>
          <Field label="Scope statement (optional, JSON)" hint={'For integrations, e.g. {"dimension": "channel", "allow": ["card_not_present"]}'} error={errorAt(`/payload/obligations/${index}/scope`)}>
            {(props) => <input {...props} className={`${inputClasses} font-mono`} value={d.scopeText} spellCheck={false} onChange={(e) => update(index, { scopeText: e.target.value })} />}
          </Field>
          <button type="button" className="text-sm font-semibold text-blue-800 underline" onClick={() => setDrafts((list) => list.filter((_, i) => i !== index))}>
            Remove obligation {index + 1}
          </button>
        </div>
      ))}
      <button type="button" className={buttonClasses.secondary} onClick={() => setDrafts((list) => [...list, emptyObligation(team.length === 1 ? (team[0]?.id ?? '') : '')])}>
        Add an obligation
      </button>
    </fieldset>
  );
}
