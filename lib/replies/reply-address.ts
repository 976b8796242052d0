import crypto from 'node:crypto';

/**
 * The Reply-To address of a letter: `reply+<token>@<domain>`. The token is the
 * letter's id and a signature, so an inbound reply names its letter without a
 * lookup table, and nobody can make an address that files mail under a letter
 * they did not write. All lowercase hex: relays that fold an address's case
 * change nothing, and the local part is 62 characters, under SMTP's 64.
 */
export const REPLY_ADDRESS_KEY_PURPOSE = 'reply-address';

const PREFIX = 'reply+';
/** 96 bits of HMAC: forging one by guessing is out of reach, and the address stays short. */
const MAC_BYTES = 12;
/** A key shorter than this is a mistake (an unset secret), and would sign for anyone. */
const MIN_KEY_BYTES = 16;
/** Longer than any real `Name <address>`; longer strings are refused unread. */
const MAX_ADDRESS_LENGTH = 1000;
/** How many recipients of one inbound mail are looked at. */
const MAX_RECIPIENTS = 1000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// Anchored and of fixed length: reads each character once, whatever it is given.
const LOCAL_PART = /^reply\+([0-9a-f]{32})([0-9a-f]{24})$/;

function mac(letterId: string, key: Uint8Array): Buffer {
  if (key.length < MIN_KEY_BYTES) throw new Error('The reply-address key is too short.');
  return crypto.createHmac('sha256', key).update(`reply-address:${letterId}`).digest().subarray(0, MAC_BYTES);
}

/** The address a letter's replies come back to. Throws for an id that is not a uuid: a bug, not input. */
export function replyAddress(letterId: string, key: Uint8Array, domain: string): string {
  const id = letterId.toLowerCase();
  if (!UUID.test(id)) throw new Error('A reply address is made for a letter id (a uuid).');
  if (!/^[a-z0-9.-]+$/i.test(domain)) throw new Error('The reply domain must be a plain domain name.');
  return `${PREFIX}${id.replaceAll('-', '')}${mac(id, key).toString('hex')}@${domain.toLowerCase()}`;
}

/** `Name <addr>` or a bare address → the address, lowercased; found with indexOf, never a regex over the whole. */
function bareAddress(address: string): string | null {
  const open = address.lastIndexOf('<');
  if (open === -1) return address.trim().toLowerCase();
  const close = address.indexOf('>', open);
  return close === -1 ? null : address.slice(open + 1, close).trim().toLowerCase();
}

function dashed(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The letter an inbound address names, or null for anything this key did not
 * sign. With a domain, the address must be at that domain too.
 */
export function letterIdFromAddress(address: string, key: Uint8Array, domain?: string): string | null {
  if (typeof address !== 'string' || address.length > MAX_ADDRESS_LENGTH) return null;
  const bare = bareAddress(address);
  const at = bare?.lastIndexOf('@') ?? -1;
  if (!bare || at === -1) return null;
  if (domain !== undefined && bare.slice(at + 1) !== domain.toLowerCase()) return null;

  const match = LOCAL_PART.exec(bare.slice(0, at));
  if (!match) return null;
  const letterId = dashed(match[1]!);
  const given = Buffer.from(match[2]!, 'hex');
  return crypto.timingSafeEqual(given, mac(letterId, key)) ? letterId : null;
}

/** The first letter any recipient of an inbound mail names (To and Cc alike), or null. */
export function letterIdFromRecipients(addresses: readonly string[], key: Uint8Array, domain?: string): string | null {
  for (const address of addresses.slice(0, MAX_RECIPIENTS)) {
    const letterId = letterIdFromAddress(address, key, domain);
    if (letterId) return letterId;
  }
  return null;
}
