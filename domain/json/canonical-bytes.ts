// The UTF-8 bytes of a large value's RFC 8785 text, written in pieces straight into a byte
// buffer: what canonical-sha256.ts hashes for a package.
//
// Why not encode canonicalize()'s text: for a 5 MB package that text is one 5 MB string,
// built in pieces by the engine, flattened, then copied again into the bytes, and dropped at
// once in the large-object space, which only a full garbage collection frees. Written here as
// it is encoded, each piece is the JSON.stringify of a part of the value below `largeAt`
// characters (one narrative's Markdown, a run of small members), short-lived and still in
// cache when it is encoded. JSON.stringify still writes every number and string escape, so
// the bytes are the same as the text's (tested against canonicalize over generated values and
// the RFC 8785 vectors); what is written here is only the punctuation between the pieces.
import { prepareCanonical, setOwn } from './canonicalize.ts';

/** A container holding this many characters of strings and keys is written piece by piece. */
export const defaultLargeAt = 32 * 1024;

const encoder = new TextEncoder();

/** Appends UTF-8 to a buffer, which grows (copied) when a piece does not fit. */
class ByteSink {
  buffer: Uint8Array<ArrayBuffer>;
  length = 0;

  constructor(buffer: Uint8Array<ArrayBuffer>) {
    this.buffer = buffer;
  }

  write(text: string): void {
    // encodeInto writes what fits, never part of a character, and says how much of the text that was.
    const { read, written } = encoder.encodeInto(text, this.buffer.subarray(this.length));
    this.length += written;
    if (read === text.length) return;
    const rest = text.slice(read);
    // A UTF-16 unit is at most three UTF-8 bytes (a surrogate pair, two units, is four).
    const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + rest.length * 3));
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
    this.length += encoder.encodeInto(rest, this.buffer.subarray(this.length)).written;
  }
}

/**
 * The UTF-8 bytes of canonicalize(value), written into `spare` when it is large enough (or a
 * new buffer); the result is a view of whichever buffer holds them. Throws CanonicalizationError.
 */
export function writeCanonicalBytes(value: unknown, spare: Uint8Array<ArrayBuffer> | null, largeAt = defaultLargeAt): Uint8Array<ArrayBuffer> {
  const prepared = prepareCanonical(value, largeAt);
  // Strings and keys, plus room for punctuation and numbers; a text that is not ASCII grows it.
  const wanted = Math.ceil(prepared.chars * 1.1) + 1024;
  const sink = new ByteSink(spare !== null && spare.length >= wanted ? spare : new Uint8Array(wanted));
  if (prepared.text !== null) sink.write(prepared.text);
  else emit(sink, prepared.value, { set: prepared.large, at: largeAt });
  return sink.buffer.subarray(0, sink.length);
}

/** The containers prepareCanonical found large, and the size that made them so (strings too). */
interface Large {
  set: ReadonlySet<object>;
  at: number;
}

function isLarge(item: unknown, large: Large): boolean {
  return typeof item === 'string' ? item.length >= large.at : typeof item === 'object' && item !== null && large.set.has(item);
}

// `value` is validated and its objects enumerate their keys in RFC 8785 order (prepareCanonical).
function emit(sink: ByteSink, value: unknown, large: Large): void {
  if (typeof value !== 'object' || value === null || !large.set.has(value)) sink.write(JSON.stringify(value));
  else if (Array.isArray(value)) emitArray(sink, value, large);
  else emitObject(sink, value as Readonly<Record<string, unknown>>, large);
}

/** Large items one by one; each run of others between them as one JSON.stringify, brackets cut off. */
function emitArray(sink: ByteSink, array: readonly unknown[], large: Large): void {
  sink.write('[');
  let runStart = 0;
  for (let index = 0; index <= array.length; index++) {
    const alone = index < array.length && isLarge(array[index], large);
    if (index < array.length && !alone) continue;
    if (index > runStart) {
      if (runStart > 0) sink.write(',');
      sink.write(JSON.stringify(array.slice(runStart, index)).slice(1, -1));
    }
    if (alone) {
      if (index > 0) sink.write(',');
      emit(sink, array[index], large);
    }
    runStart = index + 1;
  }
  sink.write(']');
}

/**
 * Large members one by one; each run of others as an object of their own, braces cut off. A run
 * keeps RFC 8785 order: the whole object enumerates in that order, so any part of it does too
 * (array-index-like keys come first in both).
 */
function emitObject(sink: ByteSink, record: Readonly<Record<string, unknown>>, large: Large): void {
  sink.write('{');
  let run: Record<string, unknown> | null = null;
  let written = false;
  const flush = () => {
    if (run === null) return;
    if (written) sink.write(',');
    sink.write(JSON.stringify(run).slice(1, -1));
    written = true;
    run = null;
  };
  for (const key of Object.keys(record)) {
    const item = record[key];
    if (!isLarge(item, large)) {
      run ??= {};
      setOwn(run, key, item);
      continue;
    }
    flush();
    sink.write(`${written ? ',' : ''}${JSON.stringify(key)}:`);
    emit(sink, item, large);
    written = true;
  }
  flush();
  sink.write('}');
}
