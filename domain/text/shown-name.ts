// Names typed by people (a policy's or template's name, a line's label, a display name) are
// quoted in sentences an approver reads before deciding (docs/decisions/0192). A bidi override
// can make "Mortgage credit (lax)" read backwards or hide a word, a zero-width character can
// make two names look the same, and a control character can break the line: these are dropped
// from the name as shown. The stored value, and the content hashed, are left as they are.

/** Format characters (bidi controls and isolates, zero-width characters, the BOM) and the Hangul fillers: they draw nothing. */
const hidden = /[\p{Cf}\u115F\u1160\u3164\uFFA0]/gu;
/** Controls (a line break, a bell) separate words at most. */
const controls = /\p{Cc}/gu;

export function shownName(name: string): string {
  return name.replace(hidden, '').replace(controls, ' ').replace(/\s+/g, ' ').trim();
}
