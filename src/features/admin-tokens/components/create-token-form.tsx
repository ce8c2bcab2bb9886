import { useState, type SubmitEvent } from 'react';
import type { CreatedApiToken } from '#domain/contracts/api-tokens.ts';
import { FormFooter } from '#src/components/ui/form-footer.tsx';
import { Field, inputClasses } from '#src/components/ui/field.tsx';
import { isApiProblem } from '#src/lib/api-problem.ts';
import { useCreateApiToken } from '../api/create-api-token.ts';

interface Props {
  models: readonly { key: string; name: string }[];
  onCreated: (created: CreatedApiToken) => void;
}

/** Model and name of a new token; the server checks both again. */
export function CreateTokenForm({ models, onCreated }: Props) {
  const creating = useCreateApiToken();
  const [modelKey, setModelKey] = useState('');
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<{ modelKey?: string; name?: string }>({});

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (creating.isPending) return;
    const found = {
      ...(modelKey ? {} : { modelKey: 'Choose the model this token submits for' }),
      ...(name.trim() ? {} : { name: 'Name this token, for example the pipeline that uses it' }),
    };
    setErrors(found);
    if (found.modelKey || found.name) return;
    creating.mutate(
      { modelKey, name: name.trim() },
      {
        onSuccess: (created) => {
          setName('');
          onCreated(created);
        },
      },
    );
  };
  const serverError = (pointer: string) => (isApiProblem(creating.error) ? creating.error.fieldError(pointer) : undefined);
  const modelError = errors.modelKey ?? serverError('/modelKey');
  const nameError = errors.name ?? serverError('/name');

  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      <Field label="Model" hint="The token can submit packages and versions for this model only." error={modelError}>
        {(props) => (
          <select {...props} className={inputClasses} value={modelKey} onChange={(e) => setModelKey(e.target.value)}>
            <option value="">Choose a model…</option>
            {models.map((model) => (
              <option key={model.key} value={model.key}>
                {model.name} ({model.key})
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Name" hint="So you can tell tokens apart, for example “Nightly retraining (Jenkins)”." error={nameError}>
        {(props) => <input {...props} className={inputClasses} value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <FormFooter error={creating.error} errorShownAtField={Boolean(modelError || nameError)} pending={creating.isPending} submitLabel="Create token" pendingLabel="Creating…" />
    </form>
  );
}
