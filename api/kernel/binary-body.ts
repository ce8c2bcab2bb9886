// A response body that is not JSON (the approval record as a signed PDF, the audit log as
// NDJSON): sent byte for byte with its own media type, whole or as a stream the reader pulls
// (the next chunk is produced when the reader has taken the last). Only routes that declare
// `binaryResponse` answer one.
export class BinaryBody {
  readonly bytes: Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array<ArrayBuffer>>;
  readonly contentType: string;

  constructor(bytes: Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array<ArrayBuffer>>, contentType: string) {
    this.bytes = bytes;
    this.contentType = contentType;
  }
}
