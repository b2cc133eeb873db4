// What "the same device" and "the same network" mean for "was this you?" and trusted devices'
// names: a coarse user-agent family (browser + OS, no versions, so an update is not a new device)
// and the /24 (IPv4) or /64 (IPv6) network, so a new address from the same provider is not news.
import { isIPv4, isIPv6 } from 'node:net';

const BROWSERS: [RegExp, string][] = [
  [/Edg(e|A|iOS)?\//, 'Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/Firefox\/|FxiOS\//, 'Firefox'],
  [/Chrome\/|CriOS\/|Chromium\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];
const SYSTEMS: [RegExp, string][] = [
  [/Windows/, 'Windows'],
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Android/, 'Android'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux'],
];

/** "Firefox on Linux", or the agent's first product token ("curl", "vitest"), or "Unknown device". */
export function deviceName(userAgent: string | null | undefined): string {
  const ua = userAgent ?? '';
  const browser = BROWSERS.find(([re]) => re.test(ua))?.[1];
  const system = SYSTEMS.find(([re]) => re.test(ua))?.[1];
  if (browser && system) return `${browser} on ${system}`;
  if (browser ?? system) return (browser ?? system)!;
  const product = /^[A-Za-z][\w.-]{0,40}/.exec(ua.trim())?.[0];
  return product ?? 'Unknown device';
}

/** The family compared across sign-ins: the device name, lower-cased. */
export function userAgentFamily(userAgent: string | null | undefined): string {
  return deviceName(userAgent).toLowerCase();
}

/** "203.0.113.0/24", "2001:db8:1:2::/64", or "unknown". IPv4-mapped IPv6 counts as IPv4. */
export function networkOf(ip: string | null | undefined): string {
  if (!ip) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)?.[1];
  const v4 = mapped ?? ip;
  if (isIPv4(v4)) return `${v4.split('.').slice(0, 3).join('.')}.0/24`;
  if (!isIPv6(ip)) return 'unknown';
  return `${expandIPv6(ip).slice(0, 4).join(':')}::/64`;
}

function expandIPv6(ip: string): string[] {
  const [head, tail] = ip.split('%')[0]!.split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array(missing).fill('0'), ...right].map((group) => (Number.parseInt(group, 16) || 0).toString(16));
}
