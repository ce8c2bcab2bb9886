// A response body serialized by the handler itself, for bodies that carry JSON text the store
// already holds: a version's canonical content is stored as canonical JSON, so parsing it
// only for the response to serialize it again (megabytes, on every read of a version) is
// work with nothing to show for it. The pipeline sends `text` as it is.

export class SerializedJson {
  /** What is sent: the JSON text, or its UTF-8 bytes when another thread encoded it (a record export). */
  readonly payload: string | Uint8Array<ArrayBuffer>;

  constructor(payload: string | Uint8Array<ArrayBuffer>) {
    this.payload = payload;
  }

  get text(): string {
    return typeof this.payload === 'string' ? this.payload : new TextDecoder().decode(this.payload);
  }
}

/**
 * `members` serialized, with one more member whose value is given as JSON text. The text must
 * be a JSON value already (here: content the server canonicalized and stored on submission).
 */
export function withJsonMember(members: Readonly<Record<string, unknown>>, name: string, jsonText: string): SerializedJson {
  const rest = JSON.stringify(members);
  const member = `${JSON.stringify(name)}:${jsonText}`;
  return new SerializedJson(rest === '{}' ? `{${member}}` : `${rest.slice(0, -1)},${member}}`);
}
