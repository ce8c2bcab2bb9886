import type { RequesterStanding } from '#api/kernel/second-administrator.ts';

// A request or proposal is half of a two-person decision: once whoever filed it was disabled or
// lost the administrator role, the server refuses its approval (409, docs/decisions/0192), and
// the card says so and offers only Reject.

interface Filed {
  requesterStanding: RequesterStanding;
  requestedBy: { displayName: string };
}

/** Why a pending item can only be rejected now, or null while its filer still is an enabled administrator. `verb`: "proposed" or "filed". */
export function notApprovableReason(item: Filed, verb: string): string | null {
  const who = item.requestedBy.displayName;
  const why = {
    administrator: null,
    disabled: 'has been disabled since',
    // Enabling needs no second administrator, so an enabled-again filer does not revive the filing.
    disabled_since_filing: 'was disabled after filing it; enabling the account again does not revive it',
    not_administrator: 'no longer holds the administrator role',
    // Granting the role needs no second administrator either.
    role_lost_since_filing: 'lost the administrator role after filing it; granting it again does not revive it',
  }[item.requesterStanding];
  return why && `No longer approvable: ${who}, who ${verb} it, ${why}. Reject it; another administrator may ${verb === 'proposed' ? 'propose' : 'file'} it again.`;
}
