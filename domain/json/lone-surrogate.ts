/** Says where a string is not well-formed UTF-16: the first lone surrogate and its index. */
export function describeLoneSurrogate(value: string, what: string): string {
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (code < 0xd800 || code > 0xdfff) continue;
    const next = value.charCodeAt(index + 1);
    if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      index++;
      continue;
    }
    return `${what} contains a lone surrogate (U+${code.toString(16).toUpperCase().padStart(4, '0')} at index ${index}), which is not valid Unicode`;
  }
  return `${what} is not well-formed Unicode`;
}
