// What `npm run submit` sends, from the JSON file a pipeline wrote. The file may hold the
// bare package content (the usual output of a training run) or the request body itself;
// anything the server would refuse is left for the server to name, field by field.

export interface SubmitRequest {
  path: string;
  body: Record<string, unknown>;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** modelKey and versionLabel from the content's identification section, when it has one. */
function identification(content: unknown): { modelKey?: unknown; versionLabel?: unknown } {
  if (!isObject(content) || !Array.isArray(content.sections)) return {};
  const [first] = content.sections as unknown[];
  return isObject(first) && first.kind === 'identification' ? { modelKey: first.modelKey, versionLabel: first.versionLabel } : {};
}

export function submitRequestOf(file: unknown, packageId: string | undefined): SubmitRequest {
  if (!isObject(file)) throw new Error('the file must hold a JSON object: the package content, or a request body with "content".');
  const wrapped = 'content' in file;
  const content = wrapped ? file.content : file;
  if (packageId !== undefined) {
    return { path: `/api/packages/${encodeURIComponent(packageId)}/versions`, body: { content, answers: wrapped && 'answers' in file ? file.answers : [] } };
  }
  const named = identification(content);
  const modelKey = wrapped && 'modelKey' in file ? file.modelKey : named.modelKey;
  const versionLabel = wrapped && 'versionLabel' in file ? file.versionLabel : named.versionLabel;
  return { path: '/api/packages', body: { modelKey, versionLabel, content } };
}
