import { problems } from './problems.ts';

/** Reads at most `limit` bytes of the body, refusing more with 413 without buffering it all. */
export async function readBodyText(request: Request, limit: number): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw problems.tooLarge(limit);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Not awaited: a cancelled branch of a tee'd body (MSW clones requests) settles only
      // when the other branch is cancelled too, which may be never.
      reader.cancel().catch(() => undefined);
      throw problems.tooLarge(limit);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw problems.malformedJson([{ pointer: '', message: 'The body is not valid UTF-8', code: 'encoding' }]);
  }
}
