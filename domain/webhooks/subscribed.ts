import type { PackageEventType } from '../contracts/package-events.ts';

// An endpoint that acts on an approval (a deployment hook) must hear when that approval ends,
// whether or not it listed `package.approval_ended`: the event was added after such endpoints
// were registered, and an endpoint cannot be edited, only replaced (decision record 0193, S30
// amendment). Without this, a hook that deployed on an emergency approval would never learn that
// a stricter chain took the approval away.
const approvalEvents: ReadonlySet<PackageEventType> = new Set(['package.approved', 'package.emergency_approved']);

/** Whether an endpoint subscribed to `events` is sent an event of `type`. */
export function isSubscribed(events: readonly string[], type: PackageEventType): boolean {
  if (events.includes(type)) return true;
  return type === 'package.approval_ended' && events.some((e) => approvalEvents.has(e as PackageEventType));
}
