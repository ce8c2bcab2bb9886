import type { ApprovalRecord, RecordCheck } from '../contracts/record.ts';
import { fail, pass } from './check.ts';

// The WebAuthn relying party a reader expects (`npm run verify -- --origin`): the record's
// passkey assertions are held to the relying party the record states (verify-decision.ts),
// and this holds that statement to the deployment the reader trusts, so a record made for
// another origin (a look-alike host that relayed the ceremonies) fails (docs/decisions/0102).

/** The origin as WebAuthn compares it: scheme, host and port, no path; null if not a URL. */
export function webOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    return url.origin === 'null' ? null : url.origin;
  } catch {
    return null;
  }
}

export function relyingPartyCheck(record: ApprovalRecord, expectedOrigin: string): RecordCheck {
  const label = 'Relying party';
  const expected = webOrigin(expectedOrigin);
  if (!expected) return fail(label, `The expected origin ${JSON.stringify(expectedOrigin)} is not a web origin.`);
  const stated = record.relyingParty;
  if (!stated) return fail(label, `The record states no relying party, so its passkey assertions cannot be held to ${expected}.`);
  if (webOrigin(stated.origin) !== expected) return fail(label, `/relyingParty/origin is ${stated.origin}, not the expected ${expected}.`);
  const host = new URL(expected).hostname;
  // WebAuthn §5.1.4.1: the RP ID is the origin's host or a registrable suffix of it.
  if (stated.rpId !== host && !host.endsWith(`.${stated.rpId}`)) return fail(label, `/relyingParty/rpId ${stated.rpId} is neither ${host} nor a domain it belongs to.`);
  return pass(label, `Passkey assertions were made for ${stated.origin} (RP ID ${stated.rpId}), the expected origin.`);
}
