import { createHash } from 'node:crypto';
import fc from 'fast-check';
import reference from 'canonicalize';
import { describe, expect, it } from 'vitest';
import { bytesToHex } from '../crypto/hex.ts';
import { storedAuditEntryDigestSync, type StoredAuditFields } from './entry-hash-sync.ts';
import { ChainVerifier } from './verify-chain.ts';

// The audit check against an independent RFC 8785 verifier (the `canonicalize` package and
// node:crypto), on entries an attacker could store: texts that are not canonical in every way
// a parser forgives (key order, white space, number forms, escapes, duplicate keys, "__proto__"),
// strings no ASCII shortcut may take as they are (lone surrogates, U+2028, control characters,
// DEL, look-alike letters). Whichever path the verifier takes for an entry (0160's, 0213's
// ASCII bytes, the parse), it must hash what the reference hashes (S44's review of 0213).

function parsedOrText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Hex SHA-256 of the entry's RFC 8785 form as the reference writes it; null when it has none. */
function referenceHash(entry: StoredAuditFields): string | null {
  const { action, actorId, at, prevHash, seq, subject, subjectPrev } = entry;
  const members = { action, actorId, after: parsedOrText(entry.afterJson), at, before: parsedOrText(entry.beforeJson), prevHash, seq, subject, ...(typeof subjectPrev === 'string' ? { subjectPrev } : {}) };
  try {
    const text = reference(members);
    return text === undefined ? null : createHash('sha256').update(text, 'utf8').digest('hex');
  } catch {
    return null;
  }
}

function verifierHash(entry: StoredAuditFields): string | null {
  try {
    return bytesToHex(storedAuditEntryDigestSync(entry));
  } catch {
    return null;
  }
}

const oddities = ['', '"', '\\', '/', '\u007f', '\u2028', '\u2029', '\u0000', '\u001f', '\b', '\ud800', '\udc00', '\ud83d\ude00', 'é', '\u0430', '\ufeff', '\u0080', '__proto__', '</script>'];
const oddText = fc.oneof(fc.string(), fc.string({ unit: 'binary', maxLength: 8 }), fc.array(fc.constantFrom(...oddities), { maxLength: 4 }).map((parts) => parts.join('')));
const numbers = ['-0', '0', '1e21', '1e+21', '1E+21', '1.0', '1.5e-7', '1e-7', '0.000001', '01', '-1', '123456789012345678901', '9007199254740993', '5e-324', '1e400', '100', '1e2'];
const oddJson = [
  '{"a":1,"a":2}',
  '{"b":1,"a":2}',
  '{"__proto__":1}',
  '{"__proto__":{"x":1}}',
  '{"a":"\\u0041"}',
  '{"\\u0061":1}',
  '{"a":1,"\\u0061":2}',
  '"\\u007f"',
  '"\u007f"',
  '"\\/"',
  '"\u2028"',
  '"\\u2028"',
  '"\\ud800"',
  '"\ud800"',
  '"\u001f"',
  '"\\u001f"',
  '{"é":1,"z":2}',
  '{"z":1,"é":2}',
  '{"\ud83d\ude00":1,"\uffff":2}',
  '{"\uffff":1,"\ud83d\ude00":2}',
  '{"a":1} ',
  ' 1',
  '[1,]',
  '',
];
const storedJson = fc.oneof(
  fc.jsonValue().map((value) => reference(value) ?? 'null'),
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.jsonValue().map((value) => JSON.stringify(value, null, 1)),
  fc.jsonValue({ stringUnit: 'binary' }).map((value) => JSON.stringify(value)),
  fc.constantFrom(...numbers, ...oddJson),
  fc.tuple(fc.constantFrom(...numbers), fc.constantFrom(...numbers)).map(([a, b]) => `{"a":${a},"b":[${b}]}`),
  fc.string(),
);
const seq = fc.oneof(fc.integer({ min: -5, max: 10_000_000 }), fc.constantFrom(-0, 0.5, 1e21, 2 ** 53, Number.MAX_SAFE_INTEGER));
const entryOf = (text: fc.Arbitrary<string>, json: fc.Arbitrary<string>) =>
  fc.record(
    { seq, at: text, actorId: fc.option(text), action: text, subject: text, prevHash: text, beforeJson: json, afterJson: json, subjectPrev: fc.option(text, { nil: undefined }) },
    { requiredKeys: ['seq', 'at', 'actorId', 'action', 'subject', 'prevHash', 'beforeJson', 'afterJson'] },
  );
// Entries whose every text is ASCII, as the log's nearly always are: the ASCII writer's (0213)
// own ground, where one character it should not write as it is (a quote, a backslash, a
// control character) is the difference.
const asciiOddities = fc.constantFrom('"', '\\', '\u007f', '\u001f', '\n', '/', '\b');
const asciiText = fc.oneof(fc.string({ maxLength: 12 }), fc.tuple(fc.string({ maxLength: 6 }), asciiOddities, fc.string({ maxLength: 6 })).map((parts) => parts.join('')));
const asciiJson = fc.oneof(fc.jsonValue().map((value) => reference(value) ?? 'null'), fc.dictionary(asciiText, asciiText, { maxKeys: 3 }).map((value) => reference(value) ?? '{}'), fc.constantFrom(...numbers));
const entries = fc.oneof(entryOf(oddText, storedJson), entryOf(asciiText, asciiJson));

describe('the audit check against an independent RFC 8785 verifier', () => {
  it('hashes every stored entry as the reference does, or refuses the ones it cannot write', () => {
    fc.assert(
      fc.property(entries, (entry) => {
        expect(verifierHash(entry)).toBe(referenceHash(entry));
      }),
      { numRuns: 3_000 },
    );
  });

  it('takes an entry as intact exactly when its recorded hash is the reference’s, in lowercase and whole', () => {
    const recorded = fc.constantFrom('same', 'upper', 'short', 'long', 'flipped');
    fc.assert(
      fc.property(entries, recorded, fc.nat(63), (entry, how, at) => {
        const expected = referenceHash(entry);
        if (expected === null) return;
        const flip = (hex: string) => `${hex.slice(0, at)}${hex[at] === '0' ? '1' : '0'}${hex.slice(at + 1)}`;
        const entryHash = { same: expected, upper: expected.toUpperCase(), short: expected.slice(0, 63), long: `${expected}0`, flipped: flip(expected) }[how];
        const verifier = new ChainVerifier({ expectedFirstSeq: entry.seq, prevHash: entry.prevHash });
        verifier.push({ ...entry, entryHash });
        const broken = verifier.breaks.some((found) => /hash/.test(found.reason));
        // An all-digit hash reads the same in uppercase.
        expect(broken).toBe(entryHash !== expected);
      }),
      { numRuns: 1_000 },
    );
  });
});
