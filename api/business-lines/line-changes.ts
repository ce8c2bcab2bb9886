import type { AddBusinessLineRequest, BusinessLine } from '#domain/contracts/business-lines.ts';
import { businessLineKey, businessLineProblem, mixesScripts } from '#domain/text/business-line.ts';
import { problems } from '../kernel/problems.ts';
import type { StoreTx } from '../store/store.ts';
import type { ChangeTime, CheckedChange } from '../kernel/catalogue-change.ts';

// Adding and retiring a business line (docs/decisions/0168). A line is added once per key and
// retired, never deleted or renamed: packages, policies and templates name it in signed or
// published content that keeps its words. The caller holds the catalogue lock: two look-alikes
// added at once are checked one after the other (0176), and a retirement lands after a
// publication or submission checking the line commits, not between its check and its commit.

/** Letters, marks, digits, spaces and the punctuation a line's name needs: no symbols or controls (a braille blank is a symbol). */
const labelCharacters = /^[\p{L}\p{M}\p{N} &'(),./-]+$/u;

export const lineLocation = (line: BusinessLine): string => `/api/business-lines/${encodeURIComponent(line.key)}`;

export async function checkLineAddition(tx: StoreTx, body: AddBusinessLineRequest, actorId: string, when: ChangeTime): Promise<CheckedChange<BusinessLine>> {
  const label = body.label.replace(/\s+/g, ' ');
  const key = businessLineKey(label);
  if (!labelCharacters.test(label) || key === '') {
    throw problems.validation([{ pointer: '/label', message: 'A business line is written with letters, digits, spaces and & \' ( ) , . / - only', code: 'business_line_spelling' }]);
  }
  if (mixesScripts(label)) throw problems.validation([{ pointer: '/label', message: businessLineProblem(label, []) ?? 'Write the business line in one script', code: 'business_line_spelling' }]);
  const lines = await tx.listBusinessLines();
  const same = lines.find((l) => l.key === key);
  if (same) throw problems.validation([{ pointer: '/label', message: `"${same.label}" is already on the list${same.retiredAt ? ' (retired)' : ''}`, code: 'business_line_exists' }]);
  // A line that only looks like one on the list would split packages between two lines.
  const lookAlike = businessLineProblem(label, lines.map((l) => l.label));
  if (lookAlike) throw problems.validation([{ pointer: '/label', message: lookAlike, code: 'business_line_look_alike' }]);
  return {
    subject: key,
    async write() {
      const { at } = when;
      const added = { key, label, retiredAt: null, createdAt: at };
      if (!(await tx.insertBusinessLine(added))) throw problems.validation([{ pointer: '/label', message: `"${label}" is already on the list`, code: 'business_line_exists' }]);
      await tx.appendAudit({ event: { action: 'business_line.added', subject: key, before: null, after: { key, label } }, actorId, at });
      // Packages filed before the list under this spelling keep their blocker until re-filed (0182).
      const stranded = (await tx.listPackages()).filter((p) => businessLineKey(p.businessLine) === key).map((p) => p.id);
      await tx.requireLineRefiles(stranded, key, at);
      return added;
    },
  };
}

export async function checkLineRetirement(tx: StoreTx, params: { key: string }, actorId: string, when: ChangeTime): Promise<CheckedChange<BusinessLine>> {
  const found = (await tx.listBusinessLines()).find((l) => l.key === params.key);
  if (!found) throw problems.notFound(`No business line "${params.key}".`);
  if (found.retiredAt !== null) throw problems.conflict(`The business line "${found.label}" is already retired.`);
  return {
    subject: found.key,
    async write() {
      const { at } = when;
      if (!(await tx.retireBusinessLine(found.key, at))) throw problems.conflict(`The business line "${found.label}" is already retired.`);
      await tx.appendAudit({ event: { action: 'business_line.retired', subject: found.key, before: { key: found.key, label: found.label }, after: { key: found.key, label: found.label, retiredAt: at } }, actorId, at });
      return { ...found, retiredAt: at };
    },
  };
}
