// The path of a page of GET /api/audit, in a module of its own: the app asks for /audit's
// first page before its router and the route table load (src/app/early-requests.ts), and
// the route table would bring every contract of the API with it. audit-page-path.test.ts
// holds the path to the route table.
export const auditListPath = '/api/audit';

/** GET /api/audit's path for a page: the filters' parameters, then the cursor and the size. */
export function auditPagePath(filterParams: URLSearchParams, beforeSeq: number, limit: number): string {
  const query = new URLSearchParams(filterParams);
  query.set('beforeSeq', String(beforeSeq));
  query.set('limit', String(limit));
  return `${auditListPath}?${query.toString()}`;
}
