/** Longer than any address a proxy writes: anything past it is not one. */
const MAX_ENTRY = 64;

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const IPV6_GROUP = /^[0-9a-f]{1,4}$/;

function ipv4(text: string): string | null {
  const parts = IPV4.exec(text);
  if (!parts) return null;
  const bytes = parts.slice(1).map(Number);
  return bytes.every((b) => b <= 255) ? bytes.join('.') : null;
}

/** The /64 an IPv6 address is in: one home or phone is given a whole /64, so it counts as one. */
function ipv6Network(text: string): string | null {
  const halves = text.toLowerCase().split('::');
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const last = tail.at(-1) ?? head.at(-1);
  // ::ffff:192.0.2.1 is an IPv4 address.
  if (last?.includes('.')) {
    const v4 = ipv4(last);
    const before = [...head, ...tail.slice(0, -1)];
    return v4 && halves.length === 2 && before.every((g) => g === 'ffff' || /^0{1,4}$/.test(g)) ? v4 : null;
  }
  const fill = 8 - head.length - tail.length;
  if (halves.length === 2 ? fill < 1 : fill !== 0) return null;
  const groups = [...head, ...Array<string>(fill).fill('0'), ...tail];
  if (!groups.every((g) => IPV6_GROUP.test(g))) return null;
  return `${groups.slice(0, 4).map((g) => parseInt(g, 16).toString(16)).join(':')}::/64`;
}

/**
 * Whom a request comes from, for the sign-in limit per network: the last
 * entry of X-Forwarded-For, which is the address the proxy nearest the app
 * saw (Next.js writes the socket's address there when no proxy did). The
 * first entry would be whatever the client chose to claim, since proxies
 * append to the header rather than replace it. An IPv6 address counts by
 * its /64. Null when there is no address to read.
 */
export function clientNetwork(forwardedFor: string | null | undefined): string | null {
  if (!forwardedFor) return null;
  const entry = forwardedFor.slice(forwardedFor.lastIndexOf(',') + 1).trim();
  if (!entry || entry.length > MAX_ENTRY) return null;
  const unbracketed = entry.startsWith('[') && entry.endsWith(']') ? entry.slice(1, -1) : entry;
  return ipv4(unbracketed) ?? (unbracketed.includes(':') ? ipv6Network(unbracketed) : null);
}
