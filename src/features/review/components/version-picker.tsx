interface Props {
  /** Version numbers, newest first. */
  versions: readonly number[];
  value: number;
  onChange: (version: number) => void;
}

/** Which version's content is shown; the choice lives in the address (?version=n). */
export function VersionPicker({ versions, value, onChange }: Props) {
  const latest = versions[0];
  return (
    <div>
      <label htmlFor="content-version" className="block font-semibold">
        Version
      </label>
      <select
        id="content-version"
        className="mt-1 block w-full rounded-md border-2 border-slate-500 bg-white px-3 py-2 text-base sm:w-60"
        value={value}
        onChange={(event) => onChange(Number(event.target.value))}
      >
        {versions.map((n) => (
          <option key={n} value={n}>
            Version {n}
            {n === latest ? ' (latest)' : ''}
          </option>
        ))}
      </select>
    </div>
  );
}
