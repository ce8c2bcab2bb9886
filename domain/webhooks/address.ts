// Where a webhook may be sent. A receiver is a public web server: loopback, private,
// link-local, cloud-metadata and reserved addresses are refused unless an administrator's
// allow-list names the host or the address, or the delivery log becomes a scanner of the
// server's own network. IP literals are read in every spelling a URL parser or a resolver
// accepts (2130706433, 0177.0.0.1, 0x7f.1, 127.1, [::ffff:127.0.0.1], [::1%lo]), and IPv6
// forms that carry an IPv4 address (mapped, compatible, NAT64, 6to4) are judged by that address.

/** Why an address is not a public receiver's. */
export type ForbiddenAddressClass = 'loopback' | 'private' | 'link-local' | 'metadata' | 'reserved';
export type AddressClass = 'public' | ForbiddenAddressClass;

export interface IpAddress {
  family: 4 | 6;
  /** 4 or 16 bytes, network order. */
  bytes: Uint8Array;
}

/** One part of an IPv4 literal as the WHATWG URL parser reads it: 0x… hex, 0… octal, else decimal. */
function ipv4Part(part: string): number | null {
  let digits = part;
  let radix = 10;
  if (/^0x/i.test(part)) {
    digits = part.slice(2);
    radix = 16;
  } else if (part.length > 1 && part.startsWith('0')) {
    digits = part.slice(1);
    radix = 8;
  }
  if (digits === '') return radix === 16 ? 0 : null;
  const pattern = radix === 16 ? /^[0-9a-f]+$/i : radix === 8 ? /^[0-7]+$/ : /^[0-9]+$/;
  if (!pattern.test(digits)) return null;
  const value = parseInt(digits, radix);
  return Number.isSafeInteger(value) ? value : Number.POSITIVE_INFINITY;
}

/** An IPv4 literal in any spelling of one to four parts (the last fills the remaining bytes), or null. */
export function parseIpv4(text: string): Uint8Array | null {
  const parts = text.split('.');
  if (parts.length > 1 && parts.at(-1) === '') parts.pop();
  if (parts.length === 0 || parts.length > 4) return null;
  const numbers = parts.map(ipv4Part);
  if (numbers.some((n) => n === null)) return null;
  const values = numbers as number[];
  const last = values.pop() ?? 0;
  if (values.some((n) => n > 255) || last >= 256 ** (4 - values.length)) return null;
  let whole = last;
  values.forEach((n, i) => {
    whole += n * 256 ** (3 - i);
  });
  return new Uint8Array([whole >>> 24, (whole >>> 16) & 255, (whole >>> 8) & 255, whole & 255]);
}

/** Four decimal parts, as the tail of an IPv6 literal must be written. */
function dottedQuad(text: string): Uint8Array | null {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255)) return null;
  return new Uint8Array(parts.map(Number));
}

/** An IPv6 literal, with or without brackets and a zone (%eth0), or null. */
export function parseIpv6(text: string): Uint8Array | null {
  let body = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  const zone = body.indexOf('%');
  if (zone !== -1) body = body.slice(0, zone);
  if (!body.includes(':')) return null;
  const halves = body.split('::');
  if (halves.length > 2) return null;
  // A dotted IPv4 tail may end the address, nowhere else.
  const groupsOf = (half: string, last: boolean): number[] | null => {
    if (half === '') return [];
    const out: number[] = [];
    const pieces = half.split(':');
    for (const [i, piece] of pieces.entries()) {
      if (last && i === pieces.length - 1 && piece.includes('.')) {
        const quad = dottedQuad(piece);
        if (!quad) return null;
        out.push(((quad[0] ?? 0) << 8) | (quad[1] ?? 0), ((quad[2] ?? 0) << 8) | (quad[3] ?? 0));
      } else if (/^[0-9a-f]{1,4}$/i.test(piece)) {
        out.push(parseInt(piece, 16));
      } else {
        return null;
      }
    }
    return out;
  };
  const head = groupsOf(halves[0] ?? '', halves.length === 1);
  const tail = halves.length === 2 ? groupsOf(halves[1] ?? '', true) : [];
  if (!head || !tail) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const groups = [...head, ...new Array<number>(missing).fill(0), ...tail];
  return new Uint8Array(groups.flatMap((g) => [g >> 8, g & 255]));
}

/** An IP literal of either family, or null when the text is a host name. */
export function parseIp(text: string): IpAddress | null {
  const v6 = parseIpv6(text);
  if (v6) return { family: 6, bytes: v6 };
  const v4 = parseIpv4(text);
  return v4 ? { family: 4, bytes: v4 } : null;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[], bits: number): boolean {
  for (let bit = 0; bit < bits; bit++) {
    const byte = bit >> 3;
    const mask = 0x80 >> (bit & 7);
    if (((bytes[byte] ?? 0) & mask) !== ((prefix[byte] ?? 0) & mask)) return false;
  }
  return true;
}

type Range = readonly [prefix: readonly number[], bits: number, cls: ForbiddenAddressClass];

// Checked in order: the first match decides.
const ipv4Ranges: readonly Range[] = [
  [[169, 254, 169, 254], 32, 'metadata'], // AWS, GCP, Azure, OpenStack instance metadata
  [[168, 63, 129, 16], 32, 'metadata'], // Azure's wire server
  [[100, 100, 100, 200], 32, 'metadata'], // Alibaba Cloud
  [[0], 8, 'reserved'], // "this network"; 0.0.0.0 reaches the local host on Linux
  [[10], 8, 'private'],
  [[100, 64], 10, 'private'], // carrier-grade NAT, shared address space
  [[127], 8, 'loopback'],
  [[169, 254], 16, 'link-local'],
  [[172, 16], 12, 'private'],
  [[192, 0, 0], 24, 'reserved'], // IETF protocol assignments
  [[192, 0, 2], 24, 'reserved'], // documentation
  [[192, 88, 99], 24, 'reserved'], // 6to4 relay anycast
  [[192, 168], 16, 'private'],
  [[198, 18], 15, 'reserved'], // benchmarking
  [[198, 51, 100], 24, 'reserved'], // documentation
  [[203, 0, 113], 24, 'reserved'], // documentation
  [[224], 4, 'reserved'], // multicast
  [[240], 4, 'reserved'], // future use and broadcast
];

const ipv6Ranges: readonly Range[] = [
  [[0xfd, 0x00, 0x0e, 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54], 128, 'metadata'], // AWS fd00:ec2::254
  [[0x00, 0x64, 0xff, 0x9b, 0x00, 0x01], 48, 'private'], // local-use NAT64
  [[0x01, 0x00, 0, 0, 0, 0, 0, 0], 64, 'reserved'], // discard-only
  [[0x20, 0x01, 0x00, 0x00], 32, 'reserved'], // Teredo: tunnels to any IPv4 address
  [[0x20, 0x01, 0x0d, 0xb8], 32, 'reserved'], // documentation
  [[0x3f, 0xff, 0x00], 20, 'reserved'], // documentation
  [[0xfc], 7, 'private'], // unique local
  [[0xfe, 0x80], 10, 'link-local'],
  [[0xfe, 0xc0], 10, 'private'], // site-local (deprecated)
  [[0xff], 8, 'reserved'], // multicast
  [[0x00], 8, 'reserved'], // the rest of ::/8 (compatible and mapped forms of no IPv4 address)
];

const zeros = (n: number) => new Array<number>(n).fill(0);

/** The IPv4 address an IPv6 address stands for (mapped, translated, compatible, NAT64, 6to4), if any. */
export function embeddedIpv4(bytes: Uint8Array): Uint8Array | null {
  if (bytes.length !== 16) return null;
  const tail = bytes.slice(12, 16);
  if (startsWith(bytes, [...zeros(10), 0xff, 0xff], 96)) return tail; // ::ffff:a.b.c.d
  if (startsWith(bytes, [...zeros(8), 0xff, 0xff, 0, 0], 96)) return tail; // ::ffff:0:a.b.c.d
  if (startsWith(bytes, [0x00, 0x64, 0xff, 0x9b, ...zeros(8)], 96)) return tail; // 64:ff9b::a.b.c.d
  if (startsWith(bytes, [0x20, 0x02], 16)) return bytes.slice(2, 6); // 2002:aabb:ccdd::
  // ::a.b.c.d (compatible, deprecated); :: and ::1 are judged as IPv6 below.
  if (startsWith(bytes, zeros(12), 96) && ((tail[0] ?? 0) | (tail[1] ?? 0) | (tail[2] ?? 0)) !== 0) return tail;
  return null;
}

function classifyBytes(family: 4 | 6, bytes: Uint8Array): AddressClass {
  if (family === 4) return ipv4Ranges.find(([prefix, bits]) => startsWith(bytes, prefix, bits))?.[2] ?? 'public';
  if (bytes.every((b) => b === 0)) return 'reserved'; // :: (unspecified)
  if (bytes.slice(0, 15).every((b) => b === 0) && bytes[15] === 1) return 'loopback'; // ::1
  const v4 = embeddedIpv4(bytes);
  if (v4) return classifyBytes(4, v4);
  return ipv6Ranges.find(([prefix, bits]) => startsWith(bytes, prefix, bits))?.[2] ?? 'public';
}

export function classifyIp(ip: IpAddress): AddressClass {
  return classifyBytes(ip.family, ip.bytes);
}

/** The class of an IP literal, or null when the text is a host name. */
export function classifyAddress(text: string): AddressClass | null {
  const ip = parseIp(text);
  return ip ? classifyIp(ip) : null;
}

/** An administrator's exception: a host name (exact), or an address or CIDR range. */
export type AllowEntry = { kind: 'host'; name: string } | { kind: 'range'; family: 4 | 6; bytes: Uint8Array; bits: number };

function normalizeHost(name: string): string {
  return name.toLowerCase().replace(/\.$/, '');
}

/** Parses "localhost, 127.0.0.1, 10.1.0.0/16, [fd00::]/8": entries separated by commas or spaces. */
export function parseAllowList(text: string): { ok: true; entries: AllowEntry[] } | { ok: false; problem: string } {
  const entries: AllowEntry[] = [];
  for (const item of text.split(/[\s,]+/).filter(Boolean)) {
    const [address = '', bitsText, ...rest] = item.split('/');
    const ip = parseIp(address);
    if (ip) {
      const max = ip.family === 4 ? 32 : 128;
      const bits = bitsText === undefined ? max : Number(bitsText);
      if (rest.length > 0 || !/^\d{1,3}$/.test(bitsText ?? String(max)) || bits > max) return { ok: false, problem: `"${item}" is not an address or a CIDR range` };
      entries.push({ kind: 'range', family: ip.family, bytes: ip.bytes, bits });
    } else if (bitsText === undefined && /^(?=.{1,253}\.?$)([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?\.)*[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?\.?$/i.test(item)) {
      entries.push({ kind: 'host', name: normalizeHost(item) });
    } else {
      return { ok: false, problem: `"${item}" is not a host name, an address or a CIDR range` };
    }
  }
  return { ok: true, entries };
}

function inRange(entry: Extract<AllowEntry, { kind: 'range' }>, ip: IpAddress): boolean {
  // An IPv4-mapped address is its IPv4 address: allowing 127.0.0.1 allows ::ffff:127.0.0.1.
  const v4 = ip.family === 6 ? embeddedIpv4(ip.bytes) : null;
  const candidate = entry.family === 4 && v4 ? { family: 4 as const, bytes: v4 } : ip;
  return candidate.family === entry.family && startsWith(candidate.bytes, [...entry.bytes], entry.bits);
}

export type TargetVerdict = { ok: true } | { ok: false; refused: ForbiddenAddressClass };

/**
 * Whether a webhook may go to `host` (a URL's hostname, IPv6 in brackets) at `addresses`
 * (what it resolved to, or the literal itself). Every address must be public, or the host
 * or that address allow-listed: one private answer among public ones is refused, since the
 * connection could be made to it.
 */
export function checkWebhookTarget(host: string, addresses: readonly string[], allowList: readonly AllowEntry[]): TargetVerdict {
  const name = normalizeHost(host.startsWith('[') ? host.slice(1, -1) : host);
  if (allowList.some((entry) => entry.kind === 'host' && entry.name === name)) return { ok: true };
  if (addresses.length === 0) return { ok: false, refused: 'reserved' };
  for (const address of addresses) {
    const ip = parseIp(address);
    if (!ip) return { ok: false, refused: 'reserved' };
    const cls = classifyIp(ip);
    if (cls === 'public') continue;
    if (allowList.some((entry) => entry.kind === 'range' && inRange(entry, ip))) continue;
    return { ok: false, refused: cls };
  }
  return { ok: true };
}

/** The delivery log's word for a refused target. */
export function refusalFailure(cls: ForbiddenAddressClass): `refused: ${ForbiddenAddressClass} address` {
  return `refused: ${cls} address`;
}
