// The JSON data model (RFC 8259), as produced by parseStrictJson and accepted by canonicalize.
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

// tsconfig's lib is ES2023, but the well-formedness checks RFC 8785 needs are ES2024
// (Node 20+, every current browser). Declare just those two methods; delete this once
// lib moves to ES2024 or later.
declare global {
  interface String {
    isWellFormed(): boolean;
    toWellFormed(): string;
  }
}
