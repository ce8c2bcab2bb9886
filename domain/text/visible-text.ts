// A reason is written for a person to read later: one made only of characters nobody sees (a
// zero-width space, a word joiner, a Hangul filler, white space) says nothing, though trim() keeps
// it (adversary finding 5a, docs/decisions/0165).

/** Characters that draw nothing: white space and separators, format and control characters, lone combining marks, fillers. */
const invisible = /[\s\p{Z}\p{Cf}\p{Cc}\p{Mn}\p{Me}\u115F\u1160\u3164\uFFA0\u2800]/gu;

/** The characters of a text a reader sees. */
export function visibleCharacters(text: string): string {
  return text.replace(invisible, '');
}

export function hasVisibleText(text: string): boolean {
  return visibleCharacters(text) !== '';
}
