import { type Role, roleInProse } from '../contracts/roles.ts';
import { obligationStatusLabels, type ObligationStatus, type SignedObligation } from '../contracts/obligations.ts';
import { futureDateProblem } from '../findings/lifecycle.ts';

// An obligation's lifecycle and who moves it (docs/decisions/0111). The owner team (the
// package's owner and whoever submitted a version) records fulfilment; a reviewer holding the
// approving step's role (or acting for it through a delegation) confirms it or sends it back.
// Nobody moves an obligation to lapsed by hand: the sweep does, once it is past due.

type Party = 'owner_team' | 'approving_role';
type Movable = Exclude<ObligationStatus, 'lapsed'>;

const moves: Record<ObligationStatus, Partial<Record<Movable, Party>>> = {
  open: { fulfilment_recorded: 'owner_team' },
  lapsed: { fulfilment_recorded: 'owner_team' },
  fulfilment_recorded: { confirmed: 'approving_role', open: 'approving_role' },
  confirmed: {},
};

export interface ObligationMover {
  id: string;
  roles: readonly Role[];
  /** Roles the mover acts for now through an active delegation. */
  delegatedRoles: readonly Role[];
}

export type ObligationRefusal = { kind: 'status'; message: string } | { kind: 'role'; message: string };

/** Why `mover` may not move an obligation from its status to `to`, or null if they may. */
export function obligationRefusal(obligation: { status: ObligationStatus; role: Role }, to: Movable, mover: ObligationMover, ownerTeam: ReadonlySet<string>): ObligationRefusal | null {
  const party = moves[obligation.status][to];
  if (!party) return { kind: 'status', message: `An obligation that is ${obligationStatusLabels[obligation.status].toLowerCase()} cannot become ${obligationStatusLabels[to].toLowerCase()}` };
  const inOwnerTeam = ownerTeam.has(mover.id);
  if (party === 'owner_team') return inOwnerTeam ? null : { kind: 'role', message: 'Only the package’s owner team records the fulfilment of a condition.' };
  if (inOwnerTeam) return { kind: 'role', message: 'The owner team records fulfilment; a reviewer of the approving step confirms it.' };
  if (mover.roles.includes(obligation.role) || mover.delegatedRoles.includes(obligation.role)) return null;
  return { kind: 'role', message: `Only a ${roleInProse(obligation.role)} reviewer (the approving step’s role) may confirm or send back a fulfilment.` };
}

/** Past due and still owed: the sweep lapses it. Only an open obligation lapses (a recorded fulfilment waits for its review). */
export function isLapsing(obligation: { status: ObligationStatus; dueOn: string }, today: string): boolean {
  return obligation.status === 'open' && obligation.dueOn < today;
}

/**
 * The approval's conditions have lapsed while any of its obligations is lapsed, or past its due
 * date without a confirmed fulfilment. A fulfilment the owner team only recorded does not hold
 * the conditions once the date has passed: otherwise recording anything, before or after the
 * due date, would clear the flag (and the deployment gate) with no reviewer having looked.
 */
export function conditionsLapsed(obligations: readonly { status: ObligationStatus; dueOn: string }[], today: string): boolean {
  return obligations.some((o) => o.status === 'lapsed' || (o.status !== 'confirmed' && o.dueOn < today));
}

/**
 * What is wrong with the conditions a new approval states, by JSON Pointer below the payload:
 * an owner outside the owner team, a due date past or more than five years ahead. (The shape,
 * including the scope statement, is the schema's; the sign dialog and the server say the same.)
 */
export function signedObligationProblems(obligations: readonly SignedObligation[], ownerTeam: ReadonlySet<string>, today: string): { pointer: string; message: string }[] {
  const out: { pointer: string; message: string }[] = [];
  obligations.forEach((o, index) => {
    if (!ownerTeam.has(o.ownerId)) out.push({ pointer: `/obligations/${index}/ownerId`, message: 'The owner must be a person of the package’s owner team' });
    const due = futureDateProblem(o.dueOn, today, 'due date');
    if (due) out.push({ pointer: `/obligations/${index}/dueOn`, message: due });
  });
  return out;
}
