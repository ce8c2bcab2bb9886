import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { ApprovalRecord, RecordVersion } from '#domain/contracts/record.ts';
import type { SignedDecision } from '#domain/contracts/signatures.ts';
import { modelTypeLabels } from '#domain/contracts/sections.ts';
import { roleLabels } from '#domain/contracts/roles.ts';
import { describePolicyTerms } from '#domain/policy/definition-wording.ts';
import { checkSubjectWords, evidenceBarWords, evidenceValueWords } from '#domain/policy/check-wording.ts';
import { byteRangePlaceholder, signatureBytes, signPdf, type DocumentSigner } from './pades.ts';

// The printable approval record (issue 17, docs/decisions/0119): PDF/A-3b written by PDFKit,
// the signed JSON record embedded as its source (AFRelationship /Source), every signature's
// manifestation (21 CFR 11.50, MHRA GxP data integrity 6.14: printed name, title and role,
// date and time with the zone, meaning, reason) on every page, a link to verify, and the whole
// file signed as PAdES B-B (pades.ts). The PDF is a rendering; the attached JSON is the
// record, and its own signatures and proofs are what `npm run verify` checks.

const fontDir = new URL('./fonts/', import.meta.url);
const regular = readFileSync(new URL('DejaVuSans.ttf', fontDir));
const bold = readFileSync(new URL('DejaVuSans-Bold.ttf', fontDir));

export const recordAttachmentName = 'approval-record.json';

/** The parts of PDFKit the signature field needs that its typings do not show. */
interface PdfKitInternals {
  ref(data: Record<string, unknown>): { end(): void };
  _root: { data: Record<string, unknown> };
  page: { annotations: unknown[]; dictionary: unknown };
}

/** "2026-12-05 09:58:41 UTC": the date and time with its zone, as the manifestation prints it. */
export function printedTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

function signerLine(decision: SignedDecision): string {
  const behalf = decision.onBehalfOf ? ` on behalf of ${decision.onBehalfOf.delegator.displayName} (${decision.onBehalfOf.delegator.title})` : '';
  return `${decision.actor.displayName}, ${decision.actor.title} (${roleLabels[decision.role]})${behalf}`;
}

/** One line per signature for the foot of every page; the reason shortened, in full on the signature page. */
function manifestation(decision: SignedDecision): string {
  const reason = decision.reason.length > 90 ? `${decision.reason.slice(0, 90)}… (in full under Signatures)` : decision.reason || '—';
  return `${signerLine(decision)} — ${decision.meaning} — ${printedTime(decision.decidedAt)} — Reason: ${reason}`;
}

type RecordCheck = NonNullable<RecordVersion['policy']>['checks'][number];

/** The columns of a version's policy results (decision 0144's fields): header and cell, in points. */
const policyColumns: readonly { header: string; width: number; cell: (check: RecordCheck) => string }[] = [
  { header: 'Requirement', width: 150, cell: (c) => `${checkSubjectWords(c)}${c.subgroup ? ` (${c.subgroup})` : ''}` },
  { header: 'Policy bar', width: 60, cell: (c) => (c.evidence ? evidenceBarWords(c.evidence, c.subject) : bar(c.required)) },
  { header: 'Value', width: 55, cell: (c) => (c.kind === 'evidence' ? evidenceValueWords(c) : c.actual === undefined ? '—' : String(c.actual)) },
  { header: "Owner's bar", width: 85, cell: (c) => (c.weakerOwnerThreshold ? `${bar(c.weakerOwnerThreshold)} (weaker)` : bar(c.declared)) },
  { header: 'Result', width: 50, cell: (c) => c.status },
  { header: 'Enforcement', width: 99, cell: (c) => c.enforcement },
];

function bar(threshold: { operator: string; value: number } | undefined): string {
  return threshold ? `${threshold.operator} ${threshold.value}` : '—';
}

export interface RecordPdfInput {
  record: ApprovalRecord;
  /** The record exactly as exported and signed: embedded byte for byte. */
  recordBytes: Uint8Array;
  /** Where a reader verifies the attached record (the deployment's /verify page). */
  verifyUrl: string;
  signer: DocumentSigner;
}

export async function renderRecordPdf(input: RecordPdfInput): Promise<Buffer> {
  return signPdf(await unsignedPdf(input), input.signer);
}

// The foot of each page holds at most this many signature lines: a package with many decisions
// would otherwise leave no room for the body (every body line a page, each page drawing every
// signature: time and pages growing with the square of the decisions). Beyond it the foot names
// the latest signatures and how many earlier ones the Signatures section prints in full.
const maxFootLines = 10;

/** The signatures the foot of every page prints, and how many earlier ones it only counts. */
function footed(decisions: readonly SignedDecision[]): { shown: readonly SignedDecision[]; earlier: number } {
  if (decisions.length <= maxFootLines) return { shown: decisions, earlier: 0 };
  const shown = decisions.slice(-(maxFootLines - 1));
  return { shown, earlier: decisions.length - shown.length };
}

function unsignedPdf({ record, recordBytes, verifyUrl }: RecordPdfInput): Promise<Buffer> {
  const foot = footed(record.decisions);
  const footerLines = Math.max(1, foot.shown.length + (foot.earlier > 0 ? 1 : 0)) * 2 + 2;
  const bottom = 36 + footerLines * 9;
  const exportedAt = new Date(record.exportedAt);
  const doc = new PDFDocument({
    subset: 'PDF/A-3b',
    pdfVersion: '1.7',
    size: 'A4',
    margins: { top: 48, left: 48, right: 48, bottom },
    bufferPages: true,
    autoFirstPage: true,
    lang: 'en',
    info: { Title: `Approval record: ${record.package.modelName} ${record.package.versionLabel}`, Author: 'Model approval', Subject: record.package.id, CreationDate: exportedAt, ModDate: exportedAt },
  });
  doc.registerFont('body', regular);
  doc.registerFont('bold', bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  // PDFKit writes /AFRelationship and the catalog's /AF; its typings do not list the option.
  const attachment: PDFKit.Mixins.PDFAttachmentOptions & { relationship: 'Source' } = {
    name: recordAttachmentName,
    type: 'application/json',
    description: 'The signed approval record (RFC 8785 JSON): the source of this document; verify it, not the print',
    relationship: 'Source',
    creationDate: exportedAt,
    modifiedDate: exportedAt,
  };
  doc.file(Buffer.from(recordBytes), attachment);

  /** A compact table, one row per requirement; a row that would cross the foot starts a page. */
  const policyTable = (checks: readonly RecordCheck[]) => {
    const rowHeight = 12;
    const row = (cells: readonly string[], font: 'body' | 'bold') => {
      if (doc.y + rowHeight > doc.page.height - doc.page.margins.bottom) doc.addPage();
      const y = doc.y;
      let x = doc.page.margins.left;
      doc.font(font).fontSize(8);
      policyColumns.forEach((column, i) => {
        doc.text(cells[i] ?? '', x, y, { width: column.width - 4, height: rowHeight, lineBreak: false, ellipsis: true });
        x += column.width;
      });
      doc.x = doc.page.margins.left;
      doc.y = y + rowHeight;
    };
    row(policyColumns.map((c) => c.header), 'bold');
    for (const check of checks) row(policyColumns.map((c) => c.cell(check)), 'body');
    doc.font('body').fontSize(9.5);
  };
  const heading = (text: string) => doc.moveDown(0.6).font('bold').fontSize(13).text(text).font('body').fontSize(9.5).moveDown(0.2);
  const fact = (label: string, value: string) => doc.font('bold').text(`${label}: `, { continued: true }).font('body').text(value);

  doc.font('bold').fontSize(18).text('Approval record');
  doc.font('body').fontSize(11).text(`${record.package.modelName} (${record.package.modelKey}) version ${record.package.versionLabel}`);
  doc.fontSize(9.5).moveDown(0.5);
  fact('Package', record.package.id);
  fact('Status', record.package.status);
  fact('Risk tier', String(record.package.riskTier));
  const modelType = record.versions.at(-1)?.content.sections.find((s) => s.kind === 'identification')?.modelType;
  if (modelType) fact('Model type', modelTypeLabels[modelType]);
  fact('Owner', `${record.package.owner.displayName}, ${record.package.owner.title} (${record.package.ownerTeam})`);
  fact('Exported', `${printedTime(record.exportedAt)} by ${record.exportedBy.displayName}`);
  fact('Record signature', `Ed25519, server key ${record.signature.keyId}`);

  heading('Signatures');
  for (const decision of record.decisions) {
    doc.font('bold').text(signerLine(decision));
    fact('Meaning', decision.meaning);
    fact('Date and time', printedTime(decision.decidedAt));
    fact('Step', `${decision.stepKey}, version ${decision.versionNumber}`);
    fact('Decision', decision.decision);
    fact('Reason', decision.reason || '—');
    if (decision.conditions) fact('Conditions', `${decision.conditions.scope}; re-review by ${decision.conditions.reReviewOn}. ${decision.conditions.text}`);
    fact('Content signed (SHA-256)', decision.contentHash);
    fact('Signed with', decision.signature ? `${decision.signature.signature.method}, countersigned by server key ${decision.signature.countersignature.keyId}` : 'no signature recorded');
    doc.moveDown(0.5);
  }

  heading('Steps');
  for (const step of record.steps) doc.text(`${step.name} (${roleLabels[step.role]}): ${step.status}`);

  heading('Versions');
  for (const version of record.versions) doc.text(`Version ${version.number} submitted ${printedTime(version.submittedAt)}, content SHA-256 ${version.contentHash}`);

  heading('How to verify');
  doc.text(`This PDF is signed (PAdES B-B) with the deployment's document key, whose certificate is issued by server key ${record.signature.keyId}. It carries the signed record as the attachment ${recordAttachmentName}: check that file, not this print. Open `, { continued: true });
  doc.fillColor('#1a4fa0').text(verifyUrl, { link: verifyUrl, underline: true, continued: true }).fillColor('black');
  doc.text(' and drop the attachment there, or run npm run verify -- approval-record.json --key <pinned key>. The audit log checkpoint and inclusion proofs in it let anyone holding an earlier checkpoint hold the server to its log.', { underline: false, link: null });

  // Each version's results against its policy (decision 0144 put them in the JSON; 0156 prints them).
  heading('Policy results');
  const checked = record.versions.filter((version) => version.policy !== undefined);
  if (checked.length === 0) doc.text('No version was checked against a governance policy.');
  for (const version of checked) {
    const evaluation = version.policy;
    if (!evaluation) continue;
    const earlier = version.earlierPolicyChecks ?? [];
    doc.font('bold').text(`Version ${version.number}: policy ${evaluation.policy.key} version ${evaluation.policy.version} (${evaluation.policy.name}), outcome ${evaluation.outcome}${earlier.length > 0 ? ' (the check in effect)' : ''}`).font('body');
    // The policy version's own terms (0166): the table shows its bars, not where it applies or what it requires beyond them.
    if (version.policyDefinition) doc.text(describePolicyTerms(version.policyDefinition));
    policyTable(evaluation.checks);
    doc.moveDown(0.4);
    // Checks a re-check superseded, which decisions signed before it are bound to (0169).
    for (const check of earlier) {
      const which = check.seq === 0 ? 'at submission' : `re-check ${check.seq}`;
      doc.font('bold').text(`Version ${version.number}, earlier check ${which} (${printedTime(check.evaluatedAt)}): policy ${check.policy.policy.key} version ${check.policy.policy.version} (${check.policy.policy.name}), outcome ${check.policy.outcome}`).font('body');
      doc.text(describePolicyTerms(check.policyDefinition));
      policyTable(check.policy.checks);
      doc.moveDown(0.4);
    }
  }

  // The signature field: invisible, on the first page, its value the placeholder pades.ts fills.
  const internals = doc as unknown as PdfKitInternals;
  doc.switchToPage(0);
  const signature = internals.ref({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: 'ETSI.CAdES.detached',
    ByteRange: [0, byteRangePlaceholder, byteRangePlaceholder, byteRangePlaceholder],
    Contents: Buffer.alloc(signatureBytes),
    Reason: new String(`Approval record of ${record.package.id}, exported ${printedTime(record.exportedAt)}`),
    M: exportedAt,
  });
  signature.end();
  const widget = internals.ref({ Type: 'Annot', Subtype: 'Widget', FT: 'Sig', Rect: [0, 0, 0, 0], V: signature, T: new String('Approval record signature'), F: 132, P: internals.page.dictionary });
  widget.end();
  internals.page.annotations.push(widget);
  // PDFKit's form (ended with the document), holding the field. SigFlags 3: signed, append only;
  // no NeedAppearances, which PDF/A forbids.
  doc.font('body').initForm();
  const form = internals._root.data.AcroForm as { data: Record<string, unknown> & { Fields: unknown[] } };
  form.data.Fields.push(widget);
  form.data.SigFlags = 3;
  delete form.data.NeedAppearances;

  // Every page: the manifestation of every signature, and where this page stands.
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    // Text below the bottom margin would make PDFKit start a new page: the foot is inside the margin.
    doc.page.margins.bottom = 0;
    const top = doc.page.height - bottom + 10;
    const width = doc.page.width - 96;
    doc.save().moveTo(48, top - 4).lineTo(48 + width, top - 4).lineWidth(0.5).stroke().restore();
    doc.font('bold').fontSize(7.5).text(`Electronic signatures on this record (page ${index + 1} of ${range.count})`, 48, top, { width, lineBreak: false });
    let y = top + 10;
    if (foot.earlier > 0) {
      doc.font('body').fontSize(7).text(`${foot.earlier} earlier signature${foot.earlier === 1 ? '' : 's'} of this record, each in full under Signatures; the latest ${foot.shown.length}:`, 48, y, { width, height: 18, ellipsis: true });
      y += 18;
    }
    for (const decision of foot.shown) {
      doc.font('body').fontSize(7).text(manifestation(decision), 48, y, { width, height: 18, ellipsis: true });
      y += 18;
    }
    if (record.decisions.length === 0) doc.font('body').fontSize(7).text('No decision has been signed.', 48, y, { width, lineBreak: false });
  }
  doc.end();
  return ended;
}
