import { describe, expect, it } from 'vitest';
import { withJsonMember } from './serialized-json.ts';

describe('withJsonMember', () => {
  it('adds the member as its JSON text, after the others', () => {
    const body = withJsonMember({ packageId: 'pkg_a', number: 2, answers: [] }, 'content', '{"b":[1,2],"a":"x"}');
    expect(body.text).toBe('{"packageId":"pkg_a","number":2,"answers":[],"content":{"b":[1,2],"a":"x"}}');
    expect(JSON.parse(body.text)).toEqual({ packageId: 'pkg_a', number: 2, answers: [], content: { b: [1, 2], a: 'x' } });
  });

  it('makes a one-member object when there are no others', () => {
    expect(withJsonMember({}, 'content', '[]').text).toBe('{"content":[]}');
  });

  it('escapes the member name as JSON does', () => {
    expect(JSON.parse(withJsonMember({ a: 1 }, 'we"ird', 'null').text)).toEqual({ a: 1, 'we"ird': null });
  });
});
