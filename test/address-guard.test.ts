// The SSRF guard's address table (src/domain/webhooks/address-guard.ts): every special-purpose
// range is refused, in each way an address can be written; global unicast addresses pass.
// createWebhook's refusal of such URLs is tested in webhooks.test.ts.
import { describe, expect, it } from 'vitest';
import { isInternalAddress } from '../src/domain/webhooks/address-guard.js';

const INTERNAL = [
  // IPv4
  '0.0.0.0', '10.1.2.3', '100.64.0.1', '127.0.0.1', '169.254.169.254', '172.16.0.1', '172.31.255.255', '192.0.0.8',
  '192.0.2.1', '192.88.99.1', '192.168.1.1', '198.18.0.1', '198.51.100.7', '203.0.113.9', '224.0.0.1', '240.0.0.1', '255.255.255.255',
  // IPv4-mapped, both notations
  '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:a9fe:a9fe',
  // IPv4-compatible (::a.b.c.d), both notations, and the unspecified address and loopback
  '::127.0.0.1', '::7f00:1', '::10.0.0.1', '::a00:1', '::8.8.8.8', '::', '::1',
  // IPv4-translated
  '::ffff:0:7f00:1',
  // NAT64, well-known and local-use prefixes
  '64:ff9b::a9fe:a9fe', '64:ff9b::127.0.0.1', '64:ff9b:1::a00:1', '64:ff9b:1:ffff::1',
  // discard, IETF assignments (Teredo), documentation, 6to4, SRv6
  '100::1', '2001::1', '2001:0:4136:e378::1', '2001:db8::1', '2002:7f00:1::1', '3fff::1', '5f00::1',
  // unique local, link-local, site-local, multicast
  'fc00::1', 'fd12:3456::1', 'fe80::1', 'febf::1', 'fec0::1', 'feff::1', 'ff02::1',
  // not an address at all
  'example.com',
];

const PUBLIC = ['8.8.8.8', '1.1.1.1', '172.32.0.1', '192.0.3.1', '2606:4700:4700::1111', '2a00:1450:4001::200e', '2001:4860:4860::8888', '::ffff:8.8.8.8', '64:ff9b:2::1'];

describe('isInternalAddress', () => {
  it.each(INTERNAL)('refuses %s', (address) => {
    expect(isInternalAddress(address)).toBe(true);
  });
  it.each(PUBLIC)('lets %s through', (address) => {
    expect(isInternalAddress(address)).toBe(false);
  });
});
