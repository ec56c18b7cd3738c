import { BlockList, isIP } from 'node:net';

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
// IPv4-mapped addresses (::ffff:127.0.0.1) count too: BlockList maps them onto the IPv4 subnet.
LOOPBACK.addAddress('::1', 'ipv6');

/**
 * Whether a host (an address to listen on, or the name a request was sent to) is this machine alone: `localhost`,
 * any of 127.0.0.0/8, or `::1` in any spelling (`[0:0:0:0:0:0:0:1]`, `::ffff:127.0.0.1`), a trailing dot allowed.
 */
export function isLoopback(host: string): boolean {
  const name = host.toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
  if (name === 'localhost') return true;
  const family = isIP(name);
  return family !== 0 && LOOPBACK.check(name, family === 6 ? 'ipv6' : 'ipv4');
}

/**
 * The host a Host header names (`127.0.0.1:8080` → `127.0.0.1`, `[::1]:8080` → `[::1]`), or null when it is no
 * host and port. Only host characters pass: `evil.example@127.0.0.1` would otherwise read as 127.0.0.1.
 */
export function hostOf(header: string): string | null {
  if (!/^[\w.-]+(?::\d+)?$|^\[[\da-f:.]+\](?::\d+)?$/i.test(header)) return null;
  try {
    return new URL(`http://${header}`).hostname;
  } catch {
    return null;
  }
}
