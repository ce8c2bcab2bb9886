// Reading a record file before any cryptography: strict UTF-8, strict JSON (no duplicate
// keys, no lone surrogates, no rounded integers), then the schema, with every problem named
// by its JSON pointer. The raw parsed value is kept: signatures and hashes are checked over
// it, never over the schema's output (which trims strings and fills in defaults).
import type { z } from 'zod';
import { approvalRecordSchema, type ApprovalRecord, type RecordCheck } from '../contracts/record.ts';
import { parseStrictJson } from '../json/strict-json.ts';
import { nonCanonicalTokens } from './canonical-tokens.ts';

export type ReadRecord =
  | { ok: true; raw: unknown; record: ApprovalRecord; checks: RecordCheck[] }
  | { ok: false; checks: RecordCheck[] };

// A file with thousands of problems is described by its first ones.
const MAX_PROBLEMS = 100;

export function readRecord(input: string | Uint8Array): ReadRecord {
  let text: string;
  if (typeof input === 'string') {
    text = input;
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      return failed([{ label: 'Text encoding', ok: false, detail: `The file is not valid UTF-8${firstInvalidUtf8(input)}.` }]);
    }
  }

  const parsed = parseStrictJson(text);
  if (!parsed.ok) {
    return failed(capped(parsed.problems.map((problem) => ({ label: 'JSON', ok: false, detail: `${where(problem.path)}: ${problem.message}` }))));
  }

  const checks: RecordCheck[] = [];
  const tokens = nonCanonicalTokens(text, 10);
  checks.push(
    tokens.length === 0
      ? { label: 'Canonical numbers and strings', ok: true, detail: 'Every number and string is written as RFC 8785 writes it (the file was not re-encoded).' }
      : {
          label: 'Canonical numbers and strings',
          ok: false,
          detail: `The file was changed after export: ${tokens.map((t) => `${t.found} at line ${t.line}, column ${t.column} (RFC 8785 writes ${t.expected})`).join('; ')}${tokens.length === 10 ? '; …' : ''}.`,
        },
  );

  const result = approvalRecordSchema.safeParse(parsed.value);
  if (!result.success) return failed([...checks, ...capped(schemaChecks(result.error))]);
  const unknown = unknownMembers(parsed.value, result.data, '');
  if (unknown.length > 0) {
    return failed([...checks, ...capped(unknown.map((pointer) => ({ label: 'Record schema', ok: false, detail: `${pointer}: a member the schema does not define (refused, not ignored)` })))]);
  }
  checks.push({ label: 'Record schema', ok: true, detail: `The document is a ${result.data.type} record as its published JSON Schema defines it.` });
  // The checked value itself, typed by the schema it just passed.
  return { ok: true, raw: parsed.value, record: parsed.value as ApprovalRecord, checks };
}

function failed(checks: RecordCheck[]): ReadRecord {
  return { ok: false, checks };
}

function capped(checks: RecordCheck[]): RecordCheck[] {
  if (checks.length <= MAX_PROBLEMS) return checks;
  return [...checks.slice(0, MAX_PROBLEMS), { label: 'Record schema', ok: false, detail: `…and ${checks.length - MAX_PROBLEMS} more problems.` }];
}

function schemaChecks(error: z.ZodError): RecordCheck[] {
  return error.issues.map((issue) => ({ label: 'Record schema', ok: false, detail: `${where(pointer(issue.path))}: ${issue.message}` }));
}

/**
 * JSON pointers of object members in `raw` that the schema's output dropped. The record's
 * own objects are strict; the shared contracts it embeds strip unknown members, and a
 * verifier must refuse them instead (as the published schema does).
 */
function unknownMembers(raw: unknown, parsed: unknown, at: string): string[] {
  if (Array.isArray(raw)) {
    if (!Array.isArray(parsed)) return [];
    return raw.flatMap((item: unknown, index) => unknownMembers(item, parsed[index], `${at}/${index}`));
  }
  if (!isObject(raw) || !isObject(parsed) || raw === parsed) return [];
  return Object.keys(raw).flatMap((key) => {
    const path = `${at}/${escapePointer(key)}`;
    return Object.hasOwn(parsed, key) ? unknownMembers(raw[key], parsed[key], path) : [path];
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function pointer(path: readonly PropertyKey[]): string {
  return path.map((part) => `/${escapePointer(String(part))}`).join('');
}

function escapePointer(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

function where(jsonPointer: string): string {
  return jsonPointer === '' ? 'The document' : jsonPointer;
}

/** ", at byte N" for the first byte that starts no valid UTF-8 sequence, for the message. */
function firstInvalidUtf8(bytes: Uint8Array): string {
  let index = 0;
  while (index < bytes.length) {
    const length = sequenceLength(bytes, index);
    if (length === 0) return ` (byte ${index})`;
    index += length;
  }
  return '';
}

// The length of the well-formed UTF-8 sequence at `index` (RFC 3629), or 0 if there is none.
function sequenceLength(bytes: Uint8Array, index: number): number {
  const first = bytes[index] ?? 0;
  if (first < 0x80) return 1;
  const ranges: [number, number][] | undefined = sequenceRanges(first);
  if (!ranges) return 0;
  for (const [offset, [low, high]] of ranges.entries()) {
    const next = bytes[index + 1 + offset];
    if (next === undefined || next < low || next > high) return 0;
  }
  return ranges.length + 1;
}

function sequenceRanges(first: number): [number, number][] | undefined {
  const tail: [number, number] = [0x80, 0xbf];
  if (first >= 0xc2 && first <= 0xdf) return [tail];
  if (first === 0xe0) return [[0xa0, 0xbf], tail];
  if (first === 0xed) return [[0x80, 0x9f], tail];
  if (first >= 0xe1 && first <= 0xef) return [tail, tail];
  if (first === 0xf0) return [[0x90, 0xbf], tail, tail];
  if (first >= 0xf1 && first <= 0xf3) return [tail, tail, tail];
  if (first === 0xf4) return [[0x80, 0x8f], tail, tail];
  return undefined;
}
