// The bytes an entry from the chain stream is hashed as (canonicalTextOfStored's text as UTF-8),
// written straight into one reused buffer when every text in the entry is printable ASCII, as
// the log's entries nearly always are (docs/decisions/0213). For an ASCII text JSON.stringify
// adds only the quotes and UTF-8 is the char codes, so the bytes are the same; anything else
// (an escape, a non-ASCII character, a text that is not canonical) gives null, and the caller
// builds the text as before.
import type { StoredAuditFields } from './entry-hash-sync.ts';
import { isCanonicalJson } from '../json/is-canonical-json.ts';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const encoder = new TextEncoder();
const ACTION = encoder.encode('{"action":');
const ACTOR_ID = encoder.encode(',"actorId":');
const AFTER = encoder.encode(',"after":');
const AT = encoder.encode(',"at":');
const BEFORE = encoder.encode(',"before":');
const PREV_HASH = encoder.encode(',"prevHash":');
const SEQ = encoder.encode(',"seq":');
const SUBJECT = encoder.encode(',"subject":');
const SUBJECT_PREV = encoder.encode(',"subjectPrev":');
const NULL = encoder.encode('null');
/** The member names, quotes, braces and a number's digits: more than they can take. */
const FIXED_ROOM = 200;

// Reused by every entry (one worker, one check at a time, never yielding midway).
let buffer = new Uint8Array(4096);

/**
 * The entry's canonical bytes, as a view of a buffer that the next call overwrites; null when
 * some text in it is not plain printable ASCII or a stored text is not canonical as it is.
 */
export function asciiPreimageOfStored(entry: StoredAuditFields): Uint8Array | null {
  const { action, actorId, afterJson, at, beforeJson, prevHash, seq, subject, subjectPrev } = entry;
  if (!Number.isSafeInteger(seq) || !isCanonicalJson(beforeJson) || !isCanonicalJson(afterJson)) return null;
  const link = typeof subjectPrev === 'string' ? subjectPrev : null;
  const room = FIXED_ROOM + action.length + (actorId?.length ?? 0) + afterJson.length + at.length + beforeJson.length + prevHash.length + subject.length + (link?.length ?? 0);
  if (buffer.length < room) buffer = new Uint8Array(room * 2);
  const out = buffer;
  let end = put(ACTION, out, 0);
  end = putString(action, out, end);
  end = put(ACTOR_ID, out, end);
  end = actorId === null ? put(NULL, out, end) : putString(actorId, out, end);
  end = putText(afterJson, out, put(AFTER, out, end));
  end = putString(at, out, put(AT, out, end));
  end = putText(beforeJson, out, put(BEFORE, out, end));
  end = putString(prevHash, out, put(PREV_HASH, out, end));
  end = putText(String(seq), out, put(SEQ, out, end));
  end = putString(subject, out, put(SUBJECT, out, end));
  if (link !== null) end = putString(link, out, put(SUBJECT_PREV, out, end));
  if (end < 0) return null;
  out[end] = 0x7d;
  return out.subarray(0, end + 1);
}

// Each writer returns where the next byte goes, or -1 (and every later writer then too) when
// the text cannot be written as its char codes.

function put(bytes: Uint8Array, out: Uint8Array, at: number): number {
  if (at < 0) return -1;
  out.set(bytes, at);
  return at + bytes.length;
}

/** JSON.stringify(text) as bytes, when that is only the text between quotes. */
function putString(text: string, out: Uint8Array, at: number): number {
  if (at < 0) return -1;
  let end = at;
  out[end++] = QUOTE;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x20 || code > 0x7f || code === QUOTE || code === BACKSLASH) return -1;
    out[end++] = code;
  }
  out[end++] = QUOTE;
  return end;
}

/** A JSON text already canonical (or a number's digits), as bytes, when it is all ASCII. */
function putText(text: string, out: Uint8Array, at: number): number {
  if (at < 0) return -1;
  let end = at;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code > 0x7f) return -1;
    out[end++] = code;
  }
  return end;
}
