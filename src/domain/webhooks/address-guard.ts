// SSRF guard: a webhook URL may not reach loopback, link-local, private or otherwise internal
// addresses (cloud metadata at 169.254.169.254, the database, an admin port), unless
// WEBHOOK_ALLOW_PRIVATE=true. Checked when a webhook is saved and again on every connection (by
// the socket's DNS lookup), so a name that later resolves to an internal address is refused too.
import { BlockList, isIP } from 'node:net';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';

const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  blocked.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
] as const) {
  blocked.addSubnet(net, prefix, 'ipv6');
}

/** True for loopback, link-local, private, shared, multicast and reserved addresses. */
export function isInternalAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family === 6) {
    // IPv4-mapped (::ffff:10.0.0.1) is that IPv4 address.
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
