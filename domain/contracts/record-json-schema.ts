import { z } from 'zod';
import { approvalRecordSchema, approvalRecordSchemaId, approvalRecordType } from './record.ts';

/** Where the schema is published, beside the app: /schemas/approval-record-1.schema.json */
export const approvalRecordSchemaPath = new URL(approvalRecordSchemaId).pathname;

/**
 * The JSON Schema (2020-12) of the exported approval record, for GRC systems. Generated for
 * the record as the server writes it (zod's output side): every member the server always
 * writes is required, and no object admits members the schema does not name. What JSON Schema
 * cannot say (hashes, signatures, proofs) is what the verifier checks.
 */
export function approvalRecordJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(approvalRecordSchema, { target: 'draft-2020-12', io: 'output', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: approvalRecordSchemaId,
    title: `Model approval record (${approvalRecordType})`,
    description:
      'The approval record of one model approval package: every version with its content and RFC 8785 SHA-256, every decision with its signature material and the server countersignature, the threads, the audit entries about the package with an RFC 6962 inclusion proof each against a signed tree head, and the server public keys. `signature` is the server Ed25519 signature over the RFC 8785 canonical form of the record without `signature`. Check it with `npm run verify -- record.json` or the /verify page.',
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema')),
  };
}
