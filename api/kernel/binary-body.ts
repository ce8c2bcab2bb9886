// A response body that is not JSON (the approval record as a signed PDF): sent byte for byte
// with its own media type. Only routes that declare `binaryResponse` answer one.
export class BinaryBody {
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly contentType: string;

  constructor(bytes: Uint8Array<ArrayBuffer>, contentType: string) {
    this.bytes = bytes;
    this.contentType = contentType;
  }
}
