// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiPath, routes } from '#api/routes.ts';
import { getPackage } from '../lib/get-package.ts';
import { getVersion } from '../lib/get-version.ts';
import { choiceInput, packagePath, startEarlyPackageRequests, versionPath } from './early-package-requests.ts';

/** A fetch answering the package with `versions` and decisions on `decided`, and any version with 404 (read only for the count); records what was asked. */
function stubApi(body: unknown) {
  const asked: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((input: RequestInfo | URL) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      asked.push(url.pathname + url.search);
      const isPackage = !url.pathname.includes('/versions/');
      return Promise.resolve(new Response(JSON.stringify(isPackage ? body : { type: 'about:blank', title: 'Not Found', status: 404 }), { status: isPackage ? 200 : 404, headers: { 'content-type': 'application/json' } }));
    }),
  );
  return asked;
}

const pkg = (versions: number[], decided: number[]) => ({ versions: versions.map((number) => ({ number })), decisions: decided.map((versionNumber) => ({ versionNumber })) });
const open = (path: string, routed = new AbortController().signal) => startEarlyPackageRequests(new URL(`http://localhost:3000${path}`), routed);

afterEach(() => vi.unstubAllGlobals());

describe('the requests a package page and the diff view make before the router exists', () => {
  it('builds the paths the route table gives, an odd id included', () => {
    for (const id of ['pkg_1', 'a b/c%']) {
      expect(packagePath(id)).toBe(apiPath(routes.getPackage.path, { id }));
      expect(versionPath(id, 12)).toBe(apiPath(routes.getVersion.path, { id, n: 12 }));
    }
  });

  it('asks for the package, then the latest version; the page’s own requests take those answers', async () => {
    const asked = stubApi(pkg([1, 2, 3], []));
    await open('/packages/pkg_1');
    expect(asked).toEqual(['/api/packages/pkg_1', '/api/packages/pkg_1/versions/3']);
    await expect(getPackage('pkg_1')).rejects.toThrow(/unexpected shape/);
    await expect(getVersion('pkg_1', 3)).rejects.toMatchObject({ problem: { status: 404 } });
    // Both answers were taken: no second request to the server.
    expect(asked).toHaveLength(2);
  });

  it('asks for a version named in the address at once, beside the package', async () => {
    const asked = stubApi(pkg([1, 2, 3], []));
    await open('/packages/pkg_1?version=2');
    expect(asked).toEqual(['/api/packages/pkg_1', '/api/packages/pkg_1/versions/2']);
  });

  it('asks for the two versions the diff compares: named, or chosen as the page chooses them', async () => {
    let asked = stubApi(pkg([1, 2, 3], [1]));
    await open('/packages/pkg_1/diff?from=2&to=3');
    expect(asked).toEqual(['/api/packages/pkg_1', '/api/packages/pkg_1/versions/2', '/api/packages/pkg_1/versions/3']);
    asked = stubApi(pkg([1, 2, 3], [1]));
    await open('/packages/pkg_1/diff');
    // The latest version decided on against the newest (diff-choice.ts).
    expect(asked).toEqual(['/api/packages/pkg_1', '/api/packages/pkg_1/versions/1', '/api/packages/pkg_1/versions/3']);
  });

  it('asks for no version when the package is refused, not of the expected shape, or has one version to compare', async () => {
    for (const body of [{ type: 'about:blank', status: 404 }, { versions: [{ number: '3' }], decisions: [] }, pkg([1], [])]) {
      const asked = stubApi(body);
      await open('/packages/pkg_1/diff');
      expect(asked).toEqual(['/api/packages/pkg_1']);
    }
  });

  it('leaves the version to the page when the router was made before the package answered (its loader may have asked)', async () => {
    const router = new AbortController();
    const asked = stubApi(pkg([1, 2, 3], [1]));
    const started = open('/packages/pkg_1', router.signal);
    router.abort();
    await started;
    const startedDiff = open('/packages/pkg_1/diff', router.signal);
    await startedDiff;
    expect(asked).toEqual(['/api/packages/pkg_1', '/api/packages/pkg_1']);
    // Versions named in the address are asked for with the package, before any router.
    await open('/packages/pkg_1/diff?from=1&to=3', router.signal);
    expect(asked.slice(2)).toEqual(['/api/packages/pkg_1', '/api/packages/pkg_1/versions/1', '/api/packages/pkg_1/versions/3']);
  });

  it('asks for nothing on other paths, or for an id that is not a path segment', async () => {
    const asked = stubApi(pkg([1], []));
    for (const path of ['/packages', '/packages/pkg_1/record', '/packages/%E0%A4%A/diff', '/inbox']) await open(path);
    expect(asked).toEqual([]);
  });

  it('asks only for the API’s package and version paths on this origin, whatever the address holds', async () => {
    const hostile = ['/packages/%2F%2Fevil.example%2Fx', '/packages/..%2F..%2Fadmin', '/packages/%2e%2e%2fsession', '/packages/%252e%252e', '/packages/a%3Fb%23c', '/packages/%5Cevil.example', '/packages/x?version=1%2F..%2F..', '/packages/x/diff?from=1&to=..%2F2'];
    for (const path of hostile) {
      const asked: string[] = [];
      vi.stubGlobal(
        'fetch',
        vi.fn((input: RequestInfo | URL) => {
          asked.push(input instanceof Request ? input.url : String(input));
          return Promise.resolve(new Response(JSON.stringify(pkg([1, 2], [])), { status: 200, headers: { 'content-type': 'application/json' } }));
        }),
      );
      await open(path);
      for (const url of asked.map((address) => new URL(address))) {
        expect(url.origin, path).toBe('http://localhost:3000');
        expect(url.pathname, path).toMatch(/^\/api\/packages\/[^/]+(\/versions\/\d+)?$/);
        expect(url.search + url.hash, path).toBe('');
      }
    }
  });

  it('asks for a version once when the address names it twice in two spellings (the page compares two others)', async () => {
    const asked = stubApi(pkg([1, 2, 3], []));
    await open('/packages/pkg_1/diff?from=01&to=1');
    // chooseDiff: the same version on both sides moves `from` (diff-choice.ts).
    expect(asked).toEqual(['/api/packages/pkg_1', '/api/packages/pkg_1/versions/2', '/api/packages/pkg_1/versions/1']);
  });

  it('reads only version numbers and decided versions from the package', () => {
    expect(choiceInput({ ...pkg([2, 1], [1]), extra: true })).toEqual(pkg([2, 1], [1]));
    expect(choiceInput({ versions: [{ number: 1 }], decisions: [{}] })).toBeNull();
    expect(choiceInput(null)).toBeNull();
  });
});
