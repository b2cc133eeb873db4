// SSRF guard: a webhook URL may not reach loopback, link-local, private or otherwise internal
// addresses (cloud metadata at 169.254.169.254, the database, an admin port), unless
// WEBHOOK_ALLOW_PRIVATE=true. Checked when a webhook is saved and again on every connection (by
// the socket's DNS lookup), so a name that later resolves to an internal address is refused too.
import { BlockList, isIP } from 'node:net';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';

// IANA's special-purpose registries (RFC 6890 and successors): every range that is not plainly
// global unicast, or that embeds an IPv4 address the IPv4 list would refuse.
const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // shared (carrier-grade NAT)
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local (cloud metadata)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation (TEST-NET-1)
  ['192.88.99.0', 24], // 6to4 relay anycast (deprecated)
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation (TEST-NET-2)
  ['203.0.113.0', 24], // documentation (TEST-NET-3)
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and the broadcast address
] as const) {
  blocked.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  // IPv4-compatible (::a.b.c.d, deprecated): includes the unspecified address and loopback.
  ['::', 96],
  ['::ffff:0:0:0', 96], // IPv4-translated (SIIT)
  ['64:ff9b::', 96], // NAT64, well-known prefix: reaches any IPv4 address through the translator
  ['64:ff9b:1::', 48], // NAT64, local-use prefix
  ['100::', 64], // discard-only
  ['2001::', 23], // IETF protocol assignments (Teredo, benchmarking, ORCHID)
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4: embeds an IPv4 address, which may be internal
  ['3fff::', 20], // documentation
  ['5f00::', 16], // segment routing (SRv6) SIDs
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated, still routed inside some networks)
  ['ff00::', 8], // multicast
] as const) {
  blocked.addSubnet(net, prefix, 'ipv6');
}

/** True for loopback, link-local, private, shared, multicast and reserved addresses. */
export function isInternalAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family === 6) {
    // IPv4-mapped (::ffff:10.0.0.1, or ::ffff:a00:1 as the URL parser writes it) is that IPv4
    // address: BlockList checks the hex form against the IPv4 list itself.
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return blocked.check(mapped[1]!, 'ipv4');
    return blocked.check(address, 'ipv6');
  }
  return true;
}

export class RefusedAddressError extends Error {
  constructor(readonly address: string) {
    super(`refused: ${address} is a loopback, link-local or private address (set WEBHOOK_ALLOW_PRIVATE=true to allow)`);
    this.name = 'RefusedAddressError';
  }
}

function hostOf(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '');
}

/** Resolves the URL's host and refuses internal addresses. Throws RefusedAddressError or a DNS error. */
export async function assertPublicUrl(url: URL, allowPrivate: boolean): Promise<void> {
  if (allowPrivate) return;
  const host = hostOf(url);
  const addresses = isIP(host) ? [host] : (await new Promise<LookupAddress[]>((resolve, reject) =>
    dnsLookup(host, { all: true }, (err, found) => (err ? reject(err) : resolve(found))),
  )).map((a) => a.address);
  const refused = addresses.find(isInternalAddress);
  if (refused) throw new RefusedAddressError(refused);
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A `lookup` for http.request that refuses internal addresses at connection time (no DNS rebinding). */
export function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: object, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (err, found) => {
      if (err) return callback(err, []);
      const refused = allowPrivate ? undefined : found.find((a) => isInternalAddress(a.address));
      if (refused) return callback(new RefusedAddressError(refused.address) as NodeJS.ErrnoException, []);
      if ((options as { all?: boolean }).all) return callback(null, found);
      callback(null, found[0]!.address, found[0]!.family);
    });
  };
}
