import { businessLineKey, businessLineProblem, mixesScripts } from '#domain/text/business-line.ts';
import { problems } from '../kernel/problems.ts';
import { defineHandler } from '../kernel/define-handler.ts';
import { signedIn } from '../package-access/package-access.ts';
import { businessLinesRoutes as routes } from './routes.ts';

// Administrators keep the organisation's list of business lines (docs/decisions/0168). A line is
// added once per key and retired, never deleted or renamed: packages, policies and templates
// name it in signed or published content that keeps its words.

/** Letters, marks, digits, spaces and the punctuation a line's name needs: no symbols or controls (a braille blank is a symbol). */
const labelCharacters = /^[\p{L}\p{M}\p{N} &'(),./-]+$/u;

export const listBusinessLines = defineHandler(routes.listBusinessLines, async (ctx) => {
  signedIn(ctx);
  return { status: 200, body: { items: await ctx.deps.store.listBusinessLines() } };
});

export const addBusinessLine = defineHandler(routes.addBusinessLine, async (ctx, { body }) => {
  const user = signedIn(ctx);
  const at = ctx.deps.now().toISOString();
  const label = body.label.replace(/\s+/g, ' ');
  const key = businessLineKey(label);
  if (!labelCharacters.test(label) || key === '') {
    throw problems.validation([{ pointer: '/label', message: 'A business line is written with letters, digits, spaces and & \' ( ) , . / - only', code: 'business_line_spelling' }]);
  }
  if (mixesScripts(label)) throw problems.validation([{ pointer: '/label', message: businessLineProblem(label, []) ?? 'Write the business line in one script', code: 'business_line_spelling' }]);
  const line = await ctx.deps.store.transaction(async (tx) => {
    // The look-alike check reads the committed list: two look-alikes added at once are checked one after the other (docs/decisions/0176).
    await tx.lockPolicyCatalogue();
    const lines = await tx.listBusinessLines();
    const same = lines.find((l) => l.key === key);
    if (same) throw problems.validation([{ pointer: '/label', message: `"${same.label}" is already on the list${same.retiredAt ? ' (retired)' : ''}`, code: 'business_line_exists' }]);
    // A line that only looks like one on the list would split packages between two lines.
    const lookAlike = businessLineProblem(label, lines.map((l) => l.label));
    if (lookAlike) throw problems.validation([{ pointer: '/label', message: lookAlike, code: 'business_line_look_alike' }]);
    const added = { key, label, retiredAt: null, createdAt: at };
    if (!(await tx.insertBusinessLine(added))) throw problems.validation([{ pointer: '/label', message: `"${label}" is already on the list`, code: 'business_line_exists' }]);
    await tx.appendAudit({ event: { action: 'business_line.added', subject: key, before: null, after: { key, label } }, actorId: user.id, at });
    // Packages filed before the list under this spelling keep their blocker until re-filed (0182).
    const stranded = (await tx.listPackages()).filter((p) => businessLineKey(p.businessLine) === key).map((p) => p.id);
    await tx.requireLineRefiles(stranded, key, at);
    return added;
  });
  return { status: 201, body: line, headers: [['location', `/api/business-lines/${encodeURIComponent(key)}`]] };
});

export const retireBusinessLine = defineHandler(routes.retireBusinessLine, async (ctx, { params }) => {
  const user = signedIn(ctx);
  const at = ctx.deps.now().toISOString();
  const line = await ctx.deps.store.transaction(async (tx) => {
    // After a publication or submission checking the line commits, not between its check and its commit (0150's lock).
    await tx.lockPolicyCatalogue();
    const found = (await tx.listBusinessLines()).find((l) => l.key === params.key);
    if (!found) throw problems.notFound(`No business line "${params.key}".`);
    if (found.retiredAt !== null || !(await tx.retireBusinessLine(found.key, at))) throw problems.conflict(`The business line "${found.label}" is already retired.`);
    await tx.appendAudit({ event: { action: 'business_line.retired', subject: found.key, before: { key: found.key, label: found.label }, after: { key: found.key, label: found.label, retiredAt: at } }, actorId: user.id, at });
    return { ...found, retiredAt: at };
  });
  return { status: 200, body: line };
});
