import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CanonicalizationError, canonicalize } from './canonicalize.ts';
import { writeCanonicalBytes } from './canonical-bytes.ts';

const inputs = import.meta.glob<string>('./fixtures/jcs/input/*.json', { query: '?raw', import: 'default', eager: true });
const outputs = import.meta.glob<string>('./fixtures/jcs/output/*.json', { query: '?raw', import: 'default', eager: true });

const utf8 = (text: string) => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array) => new TextDecoder('utf-8', { fatal: true }).decode(bytes);

// Thresholds that write every container, most, or almost none piece by piece.
const thresholds = [0, 1, 8, 64, 32 * 1024];

describe('writeCanonicalBytes: the UTF-8 of canonicalize, written in pieces', () => {
  it('gives the RFC 8785 vectors’ bytes, whatever is written piece by piece', () => {
    expect(Object.keys(inputs)).toHaveLength(6);
    for (const [path, input] of Object.entries(inputs)) {
      const expected = outputs[path.replace('/input/', '/output/')];
      if (expected === undefined) throw new Error(`no output for ${path}`);
      for (const at of thresholds) expect(decode(writeCanonicalBytes(JSON.parse(input), null, at)), `${path} at ${at}`).toBe(expected);
    }
  });

  it('gives canonicalize’s bytes for any JSON value: non-ASCII text, array-index-like and __proto__ keys, nesting', () => {
    const keys = fc.oneof(fc.string(), fc.constantFrom('', '0', '1', '9', '10', '01', '-1', '__proto__', 'é', '😀', '\u007f'));
    const value = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 2 }), fc.string({ unit: 'binary', maxLength: 40 }), tie('object'), fc.array(tie('value'), { maxLength: 6 })),
      object: fc.dictionary(keys, tie('value'), { maxKeys: 8 }),
    })).value;
    fc.assert(
      fc.property(value, fc.constantFrom(...thresholds), (item, at) => {
        expect(writeCanonicalBytes(item, null, at)).toEqual(utf8(canonicalize(item)));
      }),
      { numRuns: 1500 },
    );
  });

  it('writes a package-shaped value in pieces as canonicalize writes it whole: long Markdown among small members', () => {
    const paragraph = 'Model risk "drift" \\ threshold\tholdout, é and 😀.\n\n';
    const sections = Array.from({ length: 12 }, (_, index) => ({
      title: `Section ${index}`,
      key: `s${index}`,
      kind: 'narrative',
      markdown: paragraph.repeat(60 + index * 40),
      rows: index % 3 === 0 ? [{ b: 2.5, a: -0, c: [1e21, 1e-7, null, true] }] : [],
    }));
    const value = { sections, schemaVersion: 'model-approval-package/1', '10': 'index-like', '9': { z: 1, a: 2 } };
    for (const at of [...thresholds, 1024, 4096]) expect(writeCanonicalBytes(value, null, at)).toEqual(utf8(canonicalize(value)));
  });

  it('writes into the spare buffer when it is large enough, and no byte of what it held before is left in the result', () => {
    const spare = new Uint8Array(64 * 1024).fill(0x7a);
    const value = { text: 'x'.repeat(40 * 1024), more: [1, 2, 3] };
    const bytes = writeCanonicalBytes(value, spare, 1024);
    expect(bytes.buffer === spare.buffer).toBe(true);
    expect(bytes).toEqual(utf8(canonicalize(value)));
  });

  it('grows past a buffer too small for text that is not ASCII', () => {
    const value = { a: '😀'.repeat(30_000), b: ['€'.repeat(50_000), 'ü'.repeat(10)] };
    const bytes = writeCanonicalBytes(value, new Uint8Array(16), 1024);
    expect(bytes).toEqual(utf8(canonicalize(value)));
  });

  it('refuses what canonicalize refuses, with the same path', () => {
    const value = { ok: 'x'.repeat(100), list: [{ fine: 1 }, { bad: Number.NaN }] };
    let error: unknown;
    try {
      writeCanonicalBytes(value, null, 1);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CanonicalizationError);
    expect((error as CanonicalizationError).path).toBe('/list/1/bad');
  });
});
