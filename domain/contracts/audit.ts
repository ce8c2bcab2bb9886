import { z } from 'zod';
import { auditEventSchema } from './audit-events.ts';

// The audit log as the API shows it, its Merkle tree heads and proofs (RFC 6962 hashing),
// and the verdict of an integrity check. Universal: the server, the browser's integrity
// worker, the exported record and the offline verifier all read these shapes.

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'A SHA-256 as 64 lowercase hex digits');
const base64url = z.string().regex(/^[A-Za-z0-9_-]*$/, 'base64url without padding').max(4_096);

/**
 * One entry exactly as stored. `before` and `after` are kept as JSON values without
 * parsing them against the event union, so that a tampered row is still shown and checked
 * (the integrity check then names it) instead of failing the whole page.
 */
export const auditEntryViewSchema = z.object({
  seq: z.number().int().min(1),
  at: z.string(),
  actorId: z.string().nullable(),
  /** The actor's printed name when the id names a user; null for the system or an unknown id. */
  actorName: z.string().nullable(),
  action: z.string(),
  subject: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  prevHash: z.string(),
  /**
   * The entryHash of the previous entry about the same subject, 64 zeros for its first
   * (docs/decisions/0180); covered by entryHash. Absent on entries written before it existed.
   */
  subjectPrev: z.string().optional(),
  entryHash: z.string(),
});
export type AuditEntryView = z.infer<typeof auditEntryViewSchema>;

/** Every action name, for filters and labels: the closed union's discriminators. */
export const auditActions = auditEventSchema.options.map((option) => option.shape.action.value);
export const auditActionSchema = z.enum(auditActions as [AuditActionName, ...AuditActionName[]]);
export type AuditActionName = z.infer<typeof auditEventSchema>['action'];

/**
 * GET /api/audit and GET /api/packages/{id}/audit: filters and a seq cursor. Oldest first
 * from `afterSeq`; newest first from `beforeSeq` (what the audit pages show).
 */
export const auditQuerySchema = z.object({
  actor: z.string().min(1).max(64).optional(),
  action: auditActionSchema.optional(),
  /** Inclusive bounds on the entry's UTC time (ISO date or date-time). */
  from: z.union([z.iso.date(), z.iso.datetime()]).optional(),
  to: z.union([z.iso.date(), z.iso.datetime()]).optional(),
  /** Entries with a sequence number above this one (the cursor of the previous page). */
  afterSeq: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  /** Newest first: entries with a sequence number below this one (the cursor of the previous page). */
  beforeSeq: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(500),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** GET /api/audit/chain: the entries after `afterSeq`, oldest first, at most `limit` of them (all when absent). */
export const auditChainQuerySchema = z.object({
  afterSeq: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
  limit: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
});
export type AuditChainQuery = z.infer<typeof auditChainQuerySchema>;

/**
 * One line of GET /api/audit/chain (NDJSON): an entry exactly as stored, what its hash covers
 * and nothing else (no names). `before` and `after` are the stored JSON text, as a string, so
 * a row whose text was changed into something that is not JSON still reads (and fails its hash).
 */
export const auditChainLineSchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  action: z.string(),
  subject: z.string(),
  beforeJson: z.string(),
  afterJson: z.string(),
  prevHash: z.string(),
  /** As on an entry: present exactly when the row has one (docs/decisions/0180). */
  subjectPrev: z.string().optional(),
  entryHash: z.string(),
});
export type AuditChainLine = z.infer<typeof auditChainLineSchema>;

/** Someone who appears as the actor of entries, by name (the filter offers names, not ids). */
export const auditActorSchema = z.object({ id: z.string(), name: z.string() });
export type AuditActor = z.infer<typeof auditActorSchema>;

export const auditPageSchema = z.object({
  /** Each entry, and what its subject is called (a package's model and version, a user's name), or null. */
  items: z.array(auditEntryViewSchema.extend({ subjectName: z.string().nullable() })),
  /** On a view's first page: everyone who acted in the entries the other filters select, by name. */
  actors: z.array(auditActorSchema).optional(),
  /** How many entries match the filters in all (every page). */
  total: z.number().int().nonnegative(),
  /** The next page's cursor (the last item's seq): pass as afterSeq, or as beforeSeq when reading newest first; null on the last page. */
  nextAfterSeq: z.number().int().nullable(),
  /** Size of the whole log when this page was read. */
  logSize: z.number().int().nonnegative(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;
/** An entry as an audit page lists it: the entry, and what its subject is called. */
export type AuditPageEntry = AuditPage['items'][number];

export const treeHeadType = 'model-approval-tree-head/1' as const;

/** What the server signs: the size and Merkle root of the log at a time. */
export const treeHeadSchema = z.object({
  type: z.literal(treeHeadType),
  treeSize: z.number().int().nonnegative(),
  /** RFC 6962 Merkle tree hash of the first treeSize entries, lowercase hex. */
  rootHash: hex64,
  timestamp: z.iso.datetime(),
});
export type TreeHead = z.infer<typeof treeHeadSchema>;

/** A tree head with the server's Ed25519 signature over its canonical (RFC 8785) form. */
export const signedTreeHeadSchema = treeHeadSchema.extend({
  keyId: z.string().min(1).max(64),
  signature: base64url,
});
export type SignedTreeHead = z.infer<typeof signedTreeHeadSchema>;

/** RFC 6962 audit path for leaf `leafIndex` (seq - 1) in a tree of `treeSize` leaves. */
export const inclusionProofSchema = z.object({
  seq: z.number().int().min(1),
  leafIndex: z.number().int().min(0),
  treeSize: z.number().int().min(1),
  /** SHA-256 of the entry's canonical form (its entryHash): the leaf's data. */
  entryHash: hex64,
  path: z.array(hex64).max(64),
});
export type InclusionProof = z.infer<typeof inclusionProofSchema>;

export const consistencyProofSchema = z.object({
  fromSize: z.number().int().min(0),
  toSize: z.number().int().min(0),
  path: z.array(hex64).max(128),
});
export type ConsistencyProof = z.infer<typeof consistencyProofSchema>;

export const inclusionProofQuerySchema = z.object({
  seq: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  /** Prove against this tree size; the current size when absent. */
  treeSize: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
});
export const consistencyProofQuerySchema = z.object({
  from: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  to: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
});

/** Where the chain or the tree breaks, with the entry named. */
export const auditBreakSchema = z.object({
  /** The sequence number of the entry where the problem shows; null for a problem of the log as a whole. */
  seq: z.number().int().nullable(),
  reason: z.string(),
});
export type AuditBreak = z.infer<typeof auditBreakSchema>;

/** GET /api/audit/verify: the server's verdict on the whole log. */
export const auditVerificationSchema = z.object({
  valid: z.boolean(),
  checkedAt: z.iso.datetime(),
  /** Entries read and checked. */
  size: z.number().int().nonnegative(),
  /** Merkle root of everything read (null for an empty log). */
  rootHash: hex64.nullable(),
  /** Earlier published tree heads checked against the log as it is now. */
  treeHeadsChecked: z.number().int().nonnegative(),
  breaks: z.array(auditBreakSchema),
});
export type AuditVerification = z.infer<typeof auditVerificationSchema>;

/** GET /api/audit/checkpoint: the latest tree head as a C2SP checkpoint (docs/decisions/0081). */
export const auditCheckpointSchema = z.object({
  /** The signed note, verbatim: origin, tree size, base64 root hash, a blank line, the signature line. */
  checkpoint: z.string(),
  origin: z.string(),
  /** The log's note verifier key, as golang.org/x/mod/sumdb/note reads it: `<name>+<hex key ID>+<base64(0x01 || key)>`. */
  verifierKey: z.string(),
});
