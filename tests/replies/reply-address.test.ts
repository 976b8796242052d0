import { describe, expect, it } from 'vitest';
import { letterIdFromAddress, letterIdFromRecipients, replyAddress } from '@/lib/replies/reply-address';

const key = new Uint8Array(32).fill(7);
const otherKey = new Uint8Array(32).fill(8);
const letterId = '3f2a9c1e-8b7d-4e6f-a5c4-0123456789ab';
const domain = 'replies.afterword.example';
const address = replyAddress(letterId, key, domain);
const token = address.slice('reply+'.length, address.indexOf('@'));

/** The address with the character at `index` swapped for another hex digit. */
function changedAt(index: number): string {
  const start = 'reply+'.length + index;
  const other = address[start] === '0' ? '1' : '0';
  return `${address.slice(0, start)}${other}${address.slice(start + 1)}`;
}

/** Runs `fn` and says how long it took, in milliseconds. */
function timed(fn: () => void): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}

describe('replyAddress', () => {
  it('is reply+ the id’s 32 hex digits and a 24-digit signature, all lowercase: 62 characters before the @', () => {
    expect(address).toMatch(/^reply\+3f2a9c1e8b7d4e6fa5c40123456789ab[0-9a-f]{24}@replies\.afterword\.example$/);
    expect(address.indexOf('@')).toBe(62);
    expect(token).toHaveLength(56);
  });

  it('is the same for the same letter and key, and differs by letter and by key', () => {
    expect(replyAddress(letterId, key, domain)).toBe(address);
    expect(replyAddress(letterId.toUpperCase(), key, domain.toUpperCase())).toBe(address);
    expect(replyAddress('3f2a9c1e-8b7d-4e6f-a5c4-0123456789ac', key, domain)).not.toBe(address);
    expect(replyAddress(letterId, otherKey, domain)).not.toBe(address);
  });

  it('refuses what is not a letter id, a domain that is not one, or a key too short to sign with', () => {
    expect(() => replyAddress('not-a-uuid', key, domain)).toThrow(/uuid/);
    expect(() => replyAddress(letterId, key, 'evil.example>, other@x.example')).toThrow(/domain/);
    expect(() => replyAddress(letterId, new Uint8Array(0), domain)).toThrow(/key/);
  });
});

describe('letterIdFromAddress', () => {
  it('reads back the letter id, dashed and lowercase', () => {
    expect(letterIdFromAddress(address, key)).toBe(letterId);
    expect(letterIdFromAddress(address, key, domain)).toBe(letterId);
  });

  it('reads the address inside `Name <address>`, with spaces around it', () => {
    expect(letterIdFromAddress(`"Afterword, replies" <${address}>`, key, domain)).toBe(letterId);
    expect(letterIdFromAddress(`  ${address}  `, key, domain)).toBe(letterId);
    expect(letterIdFromAddress(`Name <${address}`, key)).toBeNull();
  });

  it('survives a relay that uppercases the address, and a domain given in any case', () => {
    expect(letterIdFromAddress(address.toUpperCase(), key, domain)).toBe(letterId);
    expect(letterIdFromAddress(address, key, domain.toUpperCase())).toBe(letterId);
    expect(letterIdFromAddress(`Ada <${address.toUpperCase()}>`, key, 'Replies.Afterword.Example')).toBe(letterId);
  });

  it('refuses the address when one character of the token is changed, wherever it is', () => {
    for (let index = 0; index < token.length; index += 1) {
      expect(letterIdFromAddress(changedAt(index), key), `character ${index}`).toBeNull();
    }
  });

  it('refuses a changed prefix, a shorter or longer token, and a second plus', () => {
    const at = address.indexOf('@');
    expect(letterIdFromAddress(address.replace('reply+', 'replY-'), key)).toBeNull();
    expect(letterIdFromAddress(address.replace('reply+', 'reply'), key)).toBeNull();
    expect(letterIdFromAddress(`${address.slice(0, at - 1)}${address.slice(at)}`, key)).toBeNull();
    expect(letterIdFromAddress(`${address.slice(0, at)}0${address.slice(at)}`, key)).toBeNull();
    expect(letterIdFromAddress(`${address.slice(0, at)}+x${address.slice(at)}`, key)).toBeNull();
  });

  it('refuses an address signed with another key', () => {
    expect(letterIdFromAddress(address, otherKey)).toBeNull();
    expect(letterIdFromAddress(replyAddress(letterId, otherKey, domain), key)).toBeNull();
  });

  it('refuses the right token at the wrong domain when a domain is given', () => {
    const elsewhere = address.replace(domain, 'attacker.example');
    expect(letterIdFromAddress(elsewhere, key, domain)).toBeNull();
    expect(letterIdFromAddress(address.replace(domain, `sub.${domain}`), key, domain)).toBeNull();
    // Without a domain to hold it to, the signature alone decides.
    expect(letterIdFromAddress(elsewhere, key)).toBe(letterId);
  });

  it.each([
    ['empty', ''],
    ['no @', token],
    ['only an @', '@'],
    ['garbage', 'reply+zzzz@x.example'],
    ['brackets only', '<>'],
    ['an ordinary address', 'ada@example.com'],
    ['the token with its dashes put back', `reply+${letterId}${token.slice(32)}@${domain}`],
  ])('refuses %s', (_label, value) => {
    expect(letterIdFromAddress(value, key)).toBeNull();
  });

  it('refuses a 1 MB string quickly, whatever it is made of', () => {
    for (const huge of ['<'.repeat(1_000_000), `reply+${'a'.repeat(1_000_000)}@x.example`, `${'a'.repeat(999_000)} <${address}>`]) {
      let result: string | null = 'unset';
      expect(timed(() => (result = letterIdFromAddress(huge, key)))).toBeLessThan(50);
      expect(result).toBeNull();
    }
  });

  it('refuses what is not a string at all (a webhook body is not typed)', () => {
    expect(letterIdFromAddress(42 as unknown as string, key)).toBeNull();
  });
});

describe('letterIdFromRecipients', () => {
  const otherLetter = replyAddress('00000000-0000-4000-8000-000000000001', key, domain);

  it('finds the signed address among others, and the first when there are two', () => {
    expect(letterIdFromRecipients(['ada@example.com', `Replies <${address}>`], key, domain)).toBe(letterId);
    expect(letterIdFromRecipients([address, otherLetter], key, domain)).toBe(letterId);
    expect(letterIdFromRecipients([otherLetter, address], key, domain)).toBe('00000000-0000-4000-8000-000000000001');
  });

  it('is null for none, for only strangers, and for a forged address', () => {
    expect(letterIdFromRecipients([], key)).toBeNull();
    expect(letterIdFromRecipients(['ada@example.com', 'grace@example.com'], key)).toBeNull();
    expect(letterIdFromRecipients([changedAt(40)], key)).toBeNull();
  });

  it('looks at the first thousand recipients only, and passes over huge ones cheaply', () => {
    const strangers = Array.from({ length: 100_000 }, (_, i) => `person${i}@example.com`);
    expect(letterIdFromRecipients([...strangers.slice(0, 999), address], key)).toBe(letterId);
    expect(letterIdFromRecipients([...strangers.slice(0, 1000), address], key)).toBeNull();

    const huge = 'x'.repeat(1_000_000);
    const elapsed = timed(() => expect(letterIdFromRecipients([...Array<string>(999).fill(huge), address], key)).toBe(letterId));
    expect(elapsed).toBeLessThan(200);
    expect(timed(() => expect(letterIdFromRecipients([...strangers, address], key)).toBeNull())).toBeLessThan(200);
  });
});
