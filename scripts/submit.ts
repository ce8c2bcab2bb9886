// `npm run submit -- --file package.json [--package <id>] [--url http://localhost:3000]`:
// a training pipeline submits a package (or a new version of one) with the API token in
// MODEL_APPROVAL_TOKEN. Exit 0: submitted; 1: refused (every problem printed, one per line);
// 2: usage error (no token, no file, unreadable JSON).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { submitRequestOf, type SubmitRequest } from './lib/submit-request.ts';
import { readPathsFromCallersFolder } from './lib/callers-folder.ts';
import { parseJson } from '#domain/json/parse-json.ts';

readPathsFromCallersFolder('submit');

const usage = `Usage: MODEL_APPROVAL_TOKEN=mat_… npm run submit -- --file <package.json> [--package <id>] [--url <server>]

Submits a new approval package with POST /api/packages, or with --package a new version of
that package with POST /api/packages/{id}/versions, as the owner of the token's model.

  --file <path>     The package content as JSON. For a new package: the content itself, or
                    { modelKey, versionLabel, content }. For a new version: the content, or
                    { content, answers } (the answers to the previous round's concerns).
  --package <id>    Submit a new version of this package instead of a new package.
  --url <origin>    The server (default http://localhost:3000).`;

function usageError(message: string): never {
  console.error(`${message}\n\n${usage}`);
  process.exit(2);
}

function options(): { file: string; packageId: string | undefined; url: string; token: string } {
  let values: { file?: string | undefined; package?: string | undefined; url?: string | undefined; help?: boolean | undefined };
  try {
    values = parseArgs({ options: { file: { type: 'string' }, package: { type: 'string' }, url: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true }).values;
  } catch (error) {
    usageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const token = process.env.MODEL_APPROVAL_TOKEN?.trim();
  if (!token) usageError('Set MODEL_APPROVAL_TOKEN to the API token an administrator created for your model.');
  if (!values.file) usageError('--file is required: the package JSON to submit.');
  let url: URL;
  try {
    url = new URL(values.url ?? 'http://localhost:3000');
  } catch {
    usageError(`--url ${values.url ?? ''} is not a URL.`);
  }
  return { file: values.file, packageId: values.package, url: url.origin, token };
}

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    usageError(`Cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return parseJson(text);
  } catch (error) {
    usageError(`${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

interface Problem {
  title?: string;
  status?: number;
  detail?: string;
  errors?: { pointer?: string; message?: string }[];
}

function printProblem(status: number, problem: Problem): void {
  console.error(`Refused (HTTP ${String(status)}${problem.title ? ` ${problem.title}` : ''})${problem.detail ? `: ${problem.detail}` : ''}`);
  for (const error of problem.errors ?? []) console.error(`  ${error.pointer || '/'} → ${error.message ?? ''}`);
}

async function main(): Promise<number> {
  const { file, packageId, url, token } = options();
  let request: SubmitRequest;
  try {
    request = submitRequestOf(readJson(file), packageId);
  } catch (error) {
    usageError(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  let response: Response;
  try {
    response = await fetch(url + request.path, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(request.body) });
  } catch (error) {
    console.error(`Cannot reach ${url}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? parseJson(text) : null;
  } catch {
    // A proxy's HTML error page: printed as it is below.
  }
  if (!response.ok) {
    if (body && typeof body === 'object') printProblem(response.status, body);
    else console.error(`Refused (HTTP ${String(response.status)}): ${text.slice(0, 500)}`);
    return 1;
  }
  const created = body as { package: { id: string; modelKey: string; versionLabel: string; status: string }; version: { number: number; contentHash: string; submittedBy: { displayName: string } } };
  const what = packageId ? `Version ${String(created.version.number)} of package ${created.package.id}` : `Package ${created.package.id}`;
  console.log(`${what} submitted: ${created.package.modelKey} ${created.package.versionLabel}, version ${String(created.version.number)}, as ${created.version.submittedBy.displayName}.`);
  console.log(`Status: ${created.package.status.replace(/_/g, ' ')}`);
  console.log(`Content hash (SHA-256 of the canonical JSON): ${created.version.contentHash}`);
  return 0;
}

process.exitCode = await main();
