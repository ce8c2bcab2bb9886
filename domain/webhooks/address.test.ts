import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkWebhookTarget, classifyAddress, parseAllowList, parseIpv4, parseIpv6, type AllowEntry } from './address.ts';

const dotted = (bytes: Uint8Array | null) => (bytes ? [...bytes].join('.') : null);

function allow(text: string): AllowEntry[] {
  const parsed = parseAllowList(text);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.entries;
}

describe('IPv4 literals in every spelling', () => {
  it.each([
    ['127.0.0.1', '127.0.0.1'],
    ['2130706433', '127.0.0.1'],
    ['0177.0.0.1', '127.0.0.1'],
    ['0x7f.1', '127.0.0.1'],
    ['0x7F.0.0.0x1', '127.0.0.1'],
    ['127.1', '127.0.0.1'],
    ['127.0.1', '127.0.0.1'],
    ['0x7f000001', '127.0.0.1'],
    ['017700000001', '127.0.0.1'],
    ['127.0.0.1.', '127.0.0.1'],
    ['0', '0.0.0.0'],
    ['0x', '0.0.0.0'],
    ['169.254.43518', '169.254.169.254'],
    ['0xa9fea9fe', '169.254.169.254'],
  ])('%s is %s', (text, expected) => {
    expect(dotted(parseIpv4(text))).toBe(expected);
  });

  it.each(['256.0.0.1', '1.2.3.4.5', '1..2', '08.0.0.1', '0x1g', 'localhost', 'example.com', '4294967296', '1.16777216', ''])('%s is not an address', (text) => {
    expect(parseIpv4(text)).toBeNull();
  });

  it('reads every spelling as the URL parser does', () => {
    const part = (value: number, style: number) => (style === 0 ? String(value) : style === 1 ? `0x${value.toString(16)}` : `0${value.toString(8)}`);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 1, max: 4 }), fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 4, maxLength: 4 }), (whole, count, styles) => {
        const bytes = [whole >>> 24, (whole >>> 16) & 255, (whole >>> 8) & 255, whole & 255];
        const head = bytes.slice(0, count - 1);
        const rest = bytes.slice(count - 1).reduce((sum, b) => sum * 256 + b, 0);
        const text = [...head, rest].map((value, i) => part(value, styles[i] ?? 0)).join('.');
        expect(dotted(parseIpv4(text))).toBe(new URL(`http://${text}/`).hostname);
      }),
    );
  });
});

describe('IPv6 literals', () => {
  it.each([
    ['::1', '0'.repeat(31) + '1'],
    ['[::1]', '0'.repeat(31) + '1'],
    ['fe80::1%eth0', 'fe80' + '0'.repeat(27) + '1'],
    ['::ffff:127.0.0.1', '0'.repeat(20) + 'ffff7f000001'],
    ['::ffff:7f00:1', '0'.repeat(20) + 'ffff7f000001'],
    ['1:2:3:4:5:6:7:8', '00010002000300040005000600070008'],
  ])('%s', (text, hex) => {
    expect(Buffer.from(parseIpv6(text) ?? []).toString('hex')).toBe(hex);
  });

  it.each(['1:2:3:4:5:6:7:8:9', '1::2::3', '12345::', '1.2.3.4::', '::1.2.3', 'g::', '127.0.0.1'])('%s is not an IPv6 address', (text) => {
    expect(parseIpv6(text)).toBeNull();
  });
});

describe('address classes', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['2130706433', 'loopback'],
    ['0177.0.0.1', 'loopback'],
    ['0x7f.1', 'loopback'],
    ['127.1', 'loopback'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:0:127.0.0.1', 'loopback'],
    ['::127.0.0.1', 'loopback'],
    ['64:ff9b::127.0.0.1', 'loopback'],
    ['2002:7f00:1::', 'loopback'],
    ['0.0.0.0', 'reserved'],
    ['0', 'reserved'],
    ['::', 'reserved'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['100.127.255.255', 'private'],
    ['::ffff:10.1.2.3', 'private'],
    ['fc00::1', 'private'],
    ['fd12:3456::1', 'private'],
    ['64:ff9b:1::1', 'private'],
    ['169.254.169.254', 'metadata'],
    ['169.254.43518', 'metadata'],
    ['::ffff:169.254.169.254', 'metadata'],
    ['fd00:ec2::254', 'metadata'],
    ['168.63.129.16', 'metadata'],
    ['169.254.1.1', 'link-local'],
    ['fe80::1', 'link-local'],
    ['febf::1', 'link-local'],
    ['224.0.0.1', 'reserved'],
    ['255.255.255.255', 'reserved'],
    ['ff02::1', 'reserved'],
    ['2001::1', 'reserved'],
    ['2001:db8::1', 'reserved'],
    ['::2', 'reserved'],
    ['93.184.216.34', 'public'],
    ['8.8.8.8', 'public'],
    ['172.32.0.1', 'public'],
    ['100.128.0.1', 'public'],
    ['::ffff:8.8.8.8', 'public'],
    ['64:ff9b::8.8.8.8', 'public'],
    ['2606:4700:4700::1111', 'public'],
    ['example.com', null],
    ['localhost', null],
  ])('%s is %s', (text, expected) => {
    expect(classifyAddress(text)).toBe(expected);
  });

  it('agrees with the URL parser on every loopback spelling a URL accepts', () => {
    for (const host of ['127.0.0.1', '2130706433', '0177.0.0.1', '0x7f.1', '127.1', '[::1]', '[::ffff:127.0.0.1]', '[0:0:0:0:0:ffff:7f00:1]']) {
      expect(classifyAddress(new URL(`http://${host}:8080/x`).hostname)).toBe('loopback');
    }
  });
});

describe('the allow-list', () => {
  it('parses host names, addresses and CIDR ranges', () => {
    expect(allow('localhost, Hooks.Internal. 127.0.0.1 10.0.0.0/8,::1 fd00::/8').map((e) => (e.kind === 'host' ? e.name : `${dotted(e.family === 4 ? e.bytes : null) ?? 'v6'}/${e.bits}`))).toEqual([
      'localhost',
      'hooks.internal',
      '127.0.0.1/32',
      '10.0.0.0/8',
      'v6/128',
      'v6/8',
    ]);
    expect(allow('')).toEqual([]);
  });

  it.each(['10.0.0.0/33', '::/129', 'a b/8', 'http://x', '10.0.0.0/8/1', 'exa mple!'])('refuses %s', (text) => {
    expect(parseAllowList(text).ok).toBe(false);
  });
});

describe('webhook targets', () => {
  it('refuses a forbidden address, whichever the others', () => {
    expect(checkWebhookTarget('hooks.example.com', ['93.184.216.34'], [])).toEqual({ ok: true });
    expect(checkWebhookTarget('hooks.example.com', ['93.184.216.34', '127.0.0.1'], [])).toEqual({ ok: false, refused: 'loopback' });
    expect(checkWebhookTarget('[::1]', ['::1'], [])).toEqual({ ok: false, refused: 'loopback' });
    expect(checkWebhookTarget('metadata.google.internal', ['169.254.169.254'], [])).toEqual({ ok: false, refused: 'metadata' });
    expect(checkWebhookTarget('nothing.example', [], [])).toEqual({ ok: false, refused: 'reserved' });
  });

  it('lets an allow-listed host or address through', () => {
    expect(checkWebhookTarget('localhost', ['127.0.0.1', '::1'], allow('localhost'))).toEqual({ ok: true });
    expect(checkWebhookTarget('LOCALHOST.', ['127.0.0.1'], allow('localhost'))).toEqual({ ok: true });
    expect(checkWebhookTarget('hooks.internal', ['10.1.2.3'], allow('10.1.0.0/16'))).toEqual({ ok: true });
    expect(checkWebhookTarget('hooks.internal', ['10.2.0.1'], allow('10.1.0.0/16'))).toEqual({ ok: false, refused: 'private' });
    expect(checkWebhookTarget('hooks.internal', ['::ffff:127.0.0.1'], allow('127.0.0.1'))).toEqual({ ok: true });
    // Naming one host allows nothing else at its addresses.
    expect(checkWebhookTarget('127.0.0.1', ['127.0.0.1'], allow('localhost'))).toEqual({ ok: false, refused: 'loopback' });
  });
});
