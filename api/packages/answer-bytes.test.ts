import { describe, expect, it } from 'vitest';
import { answerBytes } from './answer-bytes.ts';

// Kept answer bytes (docs/decisions/0199): used only when the head and the content given now are
// the same text as those they were made of, so what is sent is always what this read was given.

const decoded = (answer: Uint8Array | string) => (typeof answer === 'string' ? answer : new TextDecoder().decode(answer));
const head = '{"packageId":"pkg_1","number":1,"contentHash":"ab","content":';

describe('kept answer bytes', () => {
  it('are the UTF-8 bytes of head, content and brace, and the same bytes again for the same texts', () => {
    const bytesOf = answerBytes();
    const content = '{"name":"Modèle ✓"}';
    const first = bytesOf('pkg_1\u00001', head, content);
    expect(first).toBeInstanceOf(Uint8Array);
    expect(decoded(first)).toBe(`${head}${content}}`);
    expect(typeof first !== 'string' && first.byteLength).toBe(new TextEncoder().encode(`${head}${content}}`).byteLength);
    // The same text in another string (a content read again from the database): the same bytes.
    expect(bytesOf('pkg_1\u00001', `${head.slice(0, 10)}${head.slice(10)}`, JSON.stringify(JSON.parse(content)))).toBe(first);
  });

  it('follow a content changed under the same head (tampering that keeps the hash), and back', () => {
    const bytesOf = answerBytes();
    const key = 'pkg_1\u00001';
    bytesOf(key, head, '{"a":1}');
    expect(decoded(bytesOf(key, head, '{"a":2}'))).toBe(`${head}{"a":2}}`);
    expect(decoded(bytesOf(key, head, '{"a":1}'))).toBe(`${head}{"a":1}}`);
  });

  it('follow a changed head (a renamed submitter, a new policy check) under the same content', () => {
    const bytesOf = answerBytes();
    const key = 'pkg_1\u00001';
    bytesOf(key, head, '{}');
    const renamed = head.replace('"ab"', '"cd"');
    expect(decoded(bytesOf(key, renamed, '{}'))).toBe(`${renamed}{}}`);
  });

  it('admit answers up to a bound in bytes, then answer with the text and keep nothing more', () => {
    const one = new TextEncoder().encode(`${head}{"é":1}}`).byteLength;
    const bytesOf = answerBytes(one + one - 1);
    const first = bytesOf('a', head, '{"é":1}');
    expect(first).toBeInstanceOf(Uint8Array);
    // The second has as many characters but not as many bytes as would fit.
    expect(bytesOf('b', head, '{"é":2}')).toBe(`${head}{"é":2}}`);
    expect(bytesOf('b', head, '{"é":2}')).toBe(`${head}{"é":2}}`);
    expect(bytesOf('a', head, '{"é":1}')).toBe(first);
    // An entry replaced gives its bytes back.
    expect(bytesOf('a', head, '{"é":3}')).toBeInstanceOf(Uint8Array);
  });
});
