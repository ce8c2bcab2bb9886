import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiPath, routes } from '#api/routes.ts';
import { verifyRecordText, type RecordVerification } from '#domain/evidence/verify-record.ts';
import { serverKeyListSchema } from '#domain/contracts/signatures.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { ApiProblem, readProblem } from '#src/lib/api-problem.ts';
import { packageKeys } from '#src/lib/package-keys.ts';
import { fileNameFrom } from '../content-disposition.ts';

export interface LoadedRecord {
  /** Exactly what the server sent: what "Download" saves and what was verified. */
  text: string;
  fileName: string;
  /**
   * The verdict of the offline verifier, run here in the browser on `text`, pinned to the keys
   * this same server publishes (GET /api/keys): it shows the record is intact and signed by the
   * server in use, not that the server is honest (docs/decisions/0070).
   */
  verification: RecordVerification;
}

/**
 * The signed record as text, not through apiFetch: its signature covers the bytes sent, so
 * they are kept as they came, verified as they came, and saved as they came.
 */
export async function getRecord(id: string, signal?: AbortSignal): Promise<LoadedRecord> {
  const response = await fetch(new URL(apiPath(routes.exportRecord.path, { id }), window.location.origin), {
    headers: { accept: 'application/json, application/problem+json' },
    credentials: 'same-origin',
    signal: signal ?? null,
  });
  if (!response.ok) throw new ApiProblem(await readProblem(response));
  const [text, { keys }] = await Promise.all([response.text(), apiFetch(routes.serverKeys.path, { schema: serverKeyListSchema, signal })]);
  return {
    text,
    fileName: fileNameFrom(response.headers.get('content-disposition'), `approval-record-${id}.json`),
    verification: await verifyRecordText(text, { trustedKeys: keys }),
  };
}

export function recordQueryOptions(id: string) {
  return queryOptions({
    // Under the package's key: a new decision invalidates the package and so this record.
    queryKey: [...packageKeys.detail(id), 'record'] as const,
    queryFn: ({ signal }) => getRecord(id, signal),
    // An export is a snapshot, signed at a moment: refetching on focus would export and
    // verify it again for nothing, and change the file under a reader about to download it.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

export function useRecord(id: string) {
  return useQuery(recordQueryOptions(id));
}
