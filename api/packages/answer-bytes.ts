// Version answers' UTF-8 bytes kept for a store that keeps no answers itself (the mocks; SQLite
// keeps them under its change clock, docs/decisions/0199, PostgreSQL with the row version they
// were made from, 0214). Nothing here can be stale: an entry is used only when the head and the
// content read for this request are the same text as the ones it was made of, so the bytes sent
// are always the encoding of what the store gave this read. What it saves is the work after the reads: joining the head and a content of
// tens of kilobytes, measuring its UTF-8 length and encoding it again for every answer.

/**
 * What kept version content may hold, in bytes: the answers' bytes here, SQLite's kept answers
 * and PostgreSQL's kept versions (content and answer in one copy there: 0214). Sized so that the
 * server group's 1,000 packages (82 MB of content, 20 to 80 KB each) fit whole: at 64 MB about a
 * fifth of every round-robin pass missed and made its content and answer again per read, and on
 * PostgreSQL enough of that reached the old generation for a mark-compact every 1.5 to 2 s under
 * load (decision record 0210). A bigger inventory still passes the bound: then only what was kept
 * first hits.
 */
export const keptVersionBound = 96 * 1024 * 1024;

interface Kept {
  head: string;
  content: string;
  bytes: Uint8Array<ArrayBuffer>;
}

const utf8 = new TextEncoder();

/** `bytesOf(key, head, content)`: the bytes of `head + content + "}"`, kept ones when both are the same text. */
export function answerBytes(bound = keptVersionBound): (key: string, head: string, content: string) => Uint8Array<ArrayBuffer> | string {
  const kept = new Map<string, Kept>();
  let bytes = 0;
  return (key, head, content) => {
    const found = kept.get(key);
    // The content is usually the very string the store keeps, so this is a pointer comparison;
    // another string of the same text is compared in full, which is still correct.
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
