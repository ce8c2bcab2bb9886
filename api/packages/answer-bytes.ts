// Version answers' UTF-8 bytes kept for the engines whose store keeps no answers itself
// (PostgreSQL, the mocks; SQLite keeps them under its change clock: docs/decisions/0199).
// Nothing here can be stale: an entry is used only when the head and the content read for this
// request are the same text as the ones it was made of, so the bytes sent are always the
// encoding of what the database gave this read (on PostgreSQL, the content of the row version it
// holds now: 0149). What it saves is the work after the reads: joining the head and a content of
// tens of kilobytes, measuring its UTF-8 length and encoding it again for every answer.

/**
 * What each kind of kept version content may hold, in bytes or (ASCII) characters: the answers'
 * bytes here and on SQLite, the content kept by PostgreSQL's row versions and snapshot cache.
 * Sized so that the server group's 1,000 packages (82 MB of content, 20 to 80 KB each) fit whole:
 * at 64 MB about a fifth of every round-robin pass missed and made its content and answer again
 * per read, and on PostgreSQL enough of that reached the old generation for a mark-compact every
 * 1.5 to 2 s under load; none with everything kept (decision record 0210). A bigger inventory
 * still passes the bound: then only what was kept first hits.
 */
export const keptVersionBound = 96 * 1024 * 1024;

/**
 * The same bound on PostgreSQL, kept at 64 MB: there a kept version is held twice, as the row's
 * content (row versions and snapshot cache share that string) and as the answer's bytes here.
 * With every cache full at 10,000 packages the API process measured 446 MB RSS at 64 MB and
 * 523 MB at 96 MB (scale probe, 16,000 warm reads, 2026-12-06 23:44), against the 400 MB
 * budget; keeping the content once would let it grow (0210, amended).
 */
export const postgresKeptVersionBound = 64 * 1024 * 1024;

/** Bound in bytes for the kept answers (PostgreSQL, the mocks); once reached nothing more is admitted (0149's reasoning for round-robins). */
export const maxAnswerBytes = postgresKeptVersionBound;

interface Kept {
  head: string;
  content: string;
  bytes: Uint8Array<ArrayBuffer>;
}

const utf8 = new TextEncoder();

/** `bytesOf(key, head, content)`: the bytes of `head + content + "}"`, kept ones when both are the same text. */
export function answerBytes(bound = maxAnswerBytes): (key: string, head: string, content: string) => Uint8Array<ArrayBuffer> | string {
  const kept = new Map<string, Kept>();
  let bytes = 0;
  return (key, head, content) => {
    const found = kept.get(key);
    // The content is usually the very string the row-version cache keeps, so this is a pointer
    // comparison; another string of the same text is compared in full, which is still correct.
    if (found && found.head === head && found.content === content) return found.bytes;
    const text = `${head}${content}}`;
    if (found) {
      kept.delete(key);
      bytes -= found.bytes.byteLength;
    }
    // A character is at least one byte: past this the bytes cannot fit either.
    if (bytes + text.length > bound) return text;
    const encoded = utf8.encode(text);
    if (bytes + encoded.byteLength > bound) return text;
    kept.set(key, { head, content, bytes: encoded });
    bytes += encoded.byteLength;
    return encoded;
  };
}
