// NIST SP 800-63B asks that a new password be checked against values known from breaches.
// The list is zxcvbn-ts's `passwords-common` (about 49,000 passwords ranked by how often
// they appear in breach corpora; @zxcvbn-ts/language-common, maintained, MIT), read
// offline. At 15 characters or more few passwords are in it verbatim, so what guessers
// build from it is refused too: a listed password repeated, or two listed ones joined.
// Server-side only (api/users/managed-user.ts): the list is about 380 kB, too much for the
// browser bundle; the forms show the server's refusal beside the field.
import { dictionary } from '@zxcvbn-ts/language-common';

let breached: ReadonlySet<string> | null = null;

function breachedSet(): ReadonlySet<string> {
  breached ??= new Set(dictionary['passwords-common']);
  return breached;
}

/** A listed password, repeated (at least twice) to reach the length. */
function isRepetitionOfListed(text: string, list: ReadonlySet<string>): boolean {
  for (let size = 1; size <= text.length / 2; size++) {
    if (text.length % size !== 0) continue;
    const unit = text.slice(0, size);
    if (unit.repeat(text.length / size) === text && (list.has(unit) || size <= 2)) return true;
  }
  return false;
}

/** Two listed passwords joined ("sunshinebaseball", "qwerty123456789"). */
function isTwoListedJoined(text: string, list: ReadonlySet<string>): boolean {
  for (let cut = 1; cut < text.length; cut++) {
    if (list.has(text.slice(0, cut)) && list.has(text.slice(cut))) return true;
  }
  return false;
}

/**
 * Whether `folded` (NFKC, lower case) is, or is plainly built from, a password known from
 * breaches: as written, without spaces, and without digits and symbols added at either end
 * ("Password12345678!" is "password" with an affix every guesser tries).
 */
export function isBreachedPassword(folded: string): boolean {
  const list = breachedSet();
  const joined = folded.replace(/\s+/g, '');
  const core = joined.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  const forms = core.length >= 4 ? [folded, joined, core] : [folded, joined];
  return forms.some((text) => list.has(text) || isRepetitionOfListed(text, list) || isTwoListedJoined(text, list));
}
