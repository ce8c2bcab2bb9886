import { useId, useState, type ChangeEvent } from 'react';
import type { PackageContent } from '#domain/contracts/package-content.ts';
import { routes } from '#api/routes.ts';
import { readUploadedContent, type UploadProblem } from '../read-upload.ts';

interface Props {
  expected: { modelKey: string; versionLabel: string };
  onLoaded: (content: PackageContent, fileName: string) => void;
}

const shownProblems = 100;
const maxBytes = routes.submitVersion.maxBodyBytes;

/** The whole content from a JSON file (a training pipeline's output, say): checked, then it replaces the draft's. */
export function UploadContent({ expected, onLoaded }: Props) {
  const id = useId();
  const [refusal, setRefusal] = useState<{ fileName: string; problems: UploadProblem[] } | null>(null);
  const [reading, setReading] = useState(false);

  const read = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setReading(true);
    try {
      if (file.size > maxBytes) {
        setRefusal({ fileName: file.name, problems: [{ pointer: '', place: 'The whole file', message: `It is larger than the ${Math.floor(maxBytes / 1_048_576)} MB a version may have.` }] });
        return;
      }
      const result = readUploadedContent(await file.text(), expected);
      if (!result.ok) {
        setRefusal({ fileName: file.name, problems: result.problems });
        return;
      }
      setRefusal(null);
      onLoaded(result.content, file.name);
    } catch {
      setRefusal({ fileName: file.name, problems: [{ pointer: '', place: 'The whole file', message: 'It could not be read as text.' }] });
    } finally {
      setReading(false);
      // The same file can be chosen again after it is fixed.
      input.value = '';
    }
  };

  return (
    <div className="space-y-2 rounded-md border border-dashed border-slate-400 bg-white p-4">
      <label htmlFor={id} className="block font-semibold">
        Or replace the draft with a JSON file
      </label>
      <p id={`${id}-hint`} className="text-sm text-slate-600">
        The whole package content (model-approval-package/1), or a version as the API returns it. It replaces every section of the draft; your answers stay.
      </p>
      <input id={id} type="file" accept="application/json,.json" aria-describedby={`${id}-hint`} onChange={(event) => void read(event)} className="block" />
      {reading && (
        <p role="status" className="text-slate-700">
          Reading the file…
        </p>
      )}
      {refusal && (
        <div role="alert" className="space-y-2 border-l-4 border-red-700 pl-3">
          <p className="font-semibold text-red-900">
            {refusal.fileName} was not loaded: {refusal.problems.length === 1 ? 'one problem' : `${refusal.problems.length} problems`}. The draft is unchanged.
          </p>
          <ul className="list-disc space-y-1 pl-5">
            {refusal.problems.slice(0, shownProblems).map((problem, index) => (
              <li key={index}>
                <span className="font-semibold">{problem.place}</span>
                {problem.pointer && (
                  <>
                    {' '}
                    <code className="text-sm text-slate-600">{problem.pointer}</code>
                  </>
                )}
                : {problem.message}
              </li>
            ))}
          </ul>
          {refusal.problems.length > shownProblems && <p>…and {refusal.problems.length - shownProblems} more.</p>}
        </div>
      )}
    </div>
  );
}
