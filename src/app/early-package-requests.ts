import { prefetchEarly, prefetchEarlyJson } from '../lib/api-client.ts';
import { chooseDiff, type DiffChoiceInput } from '../features/diff/diff-choice.ts';
import { chooseVersion } from '../features/review/version-choice.ts';

// A package page and the diff view wait, above all, for the version(s) they show: 2 MB each
// for a large package. Their route loaders ask for them, but only once the router exists and
// the loader's chunk has come, and then only after the package (which names the versions):
// three steps one after another before the first byte of a version (docs/decisions/0212). So
// the app asks for them here, before its router is made; the loaders' requests take these
// answers (apiFetch, early-responses.ts). The paths are built here, not from the API's route
// table, which would bring every contract into the main bundle (early-package-requests.test.ts
// holds them to that table).

export const packagePath = (id: string) => `/api/packages/${encodeURIComponent(id)}`;
export const versionPath = (id: string, n: number) => `${packagePath(id)}/versions/${String(n)}`;

const packagePage = /^\/packages\/([^/]+)(\/diff)?$/;
const versionNumber = /^\d{1,7}$/;

/**
 * For /packages/:id and /packages/:id/diff: the package and the version(s) the page will
 * choose. A version named in the address is asked for at once; otherwise once the package
 * has said which versions it has, as the page will choose, unless the router has been made
 * meanwhile (`routed`): its loader may then have asked already, and an answer nobody takes
 * would hold a connection and 2 MB. Resolves when every request is made; anything unexpected
 * asks for no more (the page's own requests then ask as before).
 */
export async function startEarlyPackageRequests(url: URL, routed: AbortSignal): Promise<void> {
  const match = packagePage.exec(url.pathname);
  const id = match?.[1] === undefined ? null : decodedSegment(match[1]);
  if (id === null) return;
  const search = url.searchParams;
  const pkg = prefetchEarlyJson(packagePath(id));
  if (match?.[2] === undefined) {
    const asked = search.get('version');
    if (asked !== null && versionNumber.test(asked)) return prefetchEarly(versionPath(id, Number(asked)));
    const numbers = choiceInput(await pkg)?.versions.map((version) => version.number);
    const choice = numbers ? chooseVersion(asked, numbers) : null;
    if (choice && !routed.aborted) prefetchEarly(versionPath(id, choice.number));
    return;
  }
  const from = search.get('from');
  const to = search.get('to');
  // Compared as numbers: "01" and "1" are one version, which chooseDiff does not compare with itself.
  const named = from !== null && to !== null && versionNumber.test(from) && versionNumber.test(to) && Number(from) !== Number(to) ? { from: Number(from), to: Number(to) } : null;
  const input = named ? null : choiceInput(await pkg);
  const choice = named ?? (input && !routed.aborted ? chooseDiff(search, input) : null);
  if (!choice) return;
  prefetchEarly(versionPath(id, choice.from));
  prefetchEarly(versionPath(id, choice.to));
}

function decodedSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** The version numbers and decided versions of a package's answer, read without its contract (not in the main bundle); null when it is not that shape. */
export function choiceInput(body: unknown): DiffChoiceInput | null {
  if (!isRecord(body) || !Array.isArray(body['versions']) || !Array.isArray(body['decisions'])) return null;
  const versions = body['versions'].map((version: unknown) => (isRecord(version) && typeof version['number'] === 'number' ? { number: version['number'] } : null));
  const decisions = body['decisions'].map((decision: unknown) => (isRecord(decision) && typeof decision['versionNumber'] === 'number' ? { versionNumber: decision['versionNumber'] } : null));
  if (versions.includes(null) || decisions.includes(null)) return null;
  return { versions: versions.filter((version) => version !== null), decisions: decisions.filter((decision) => decision !== null) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
