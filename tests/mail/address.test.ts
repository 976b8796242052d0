import { describe, expect, it } from 'vitest';
import { emailAddress, formatMailbox, normalizeEmailAddress } from '@/lib/mail/address';

function messages(value: string): string[] {
  const result = emailAddress.safeParse(value);
  if (result.success) throw new Error(`expected "${value}" to be refused, got "${result.data}"`);
  return result.error.issues.map((issue) => issue.message);
}

describe('emailAddress', () => {
  it('accepts an ordinary address and lowercases it', () => {
    expect(emailAddress.parse('Ada@Example.com')).toBe('ada@example.com');
    expect(emailAddress.parse('  grace.hopper+jobs@navy.mil.example ')).toBe('grace.hopper+jobs@navy.mil.example');
  });

  it.each([
    ['a comma', 'a@x.com,b@y.com', 'Enter one address only, without commas or semicolons.'],
    ['a semicolon', 'a@x.com;b@y.com', 'Enter one address only, without commas or semicolons.'],
    ['CR/LF (header injection)', 'a@x.com\r\nBcc: c@z.com', 'An email address cannot contain line breaks.'],
    ['a bare LF', 'a@x.com\nb', 'An email address cannot contain line breaks.'],
    ['a space', 'ada lovelace@x.com', 'An email address cannot contain spaces.'],
    ['a tab', 'ada\tlovelace@x.com', 'An email address cannot contain spaces.'],
    [
      'a fullwidth @',
      'a＠x.com',
      'Use plain letters, digits and @ only (no look-alike characters such as a fullwidth ＠).',
    ],
    ['no dot in the domain', 'a@localhost', 'The part after @ must be a domain, like example.com.'],
    ['an empty domain label', 'a@x..com', 'The part after @ must be a domain, like example.com.'],
    ['double quotes', '"ada"@x.com', 'An email address cannot contain quotes or brackets.'],
    ['angle brackets', 'Ada <a@x.com>', 'An email address cannot contain spaces.'],
    ['angle brackets without spaces', '<a@x.com>', 'An email address cannot contain quotes or brackets.'],
    ['two @', 'a@b@x.com', 'Enter an address like name@example.com.'],
    ['no local part', '@x.com', 'Enter an address like name@example.com.'],
    ['nothing at all', '   ', 'Enter an email address.'],
  ])('refuses %s', (_label, value, message) => {
    expect(messages(value)).toContain(message);
  });

  it('refuses an address longer than 254 characters but accepts exactly 254', () => {
    const domain = '@example.com';
    const longest = `${'a'.repeat(254 - domain.length)}${domain}`;
    expect(emailAddress.parse(longest)).toBe(longest);
    expect(messages(`a${longest}`)).toEqual(['That address is too long.']);
  });

  it('refuses a value that is not a string with the form message', () => {
    expect(emailAddress.safeParse(undefined).error?.issues[0]?.message).toBe('Enter an email address.');
  });
});

describe('normalizeEmailAddress', () => {
  it('returns the lowercased address or throws the form message', () => {
    expect(normalizeEmailAddress('Ada@Example.COM')).toBe('ada@example.com');
    expect(() => normalizeEmailAddress('a@x.com,b@y.com')).toThrow(
      'Enter one address only, without commas or semicolons.',
    );
  });
});

describe('formatMailbox', () => {
  it('quotes a display name before the address', () => {
    expect(formatMailbox('Ada Lovelace', 'ada@example.com')).toBe('"Ada Lovelace" <ada@example.com>');
  });

  it('strips line breaks, quotes, backslashes and angle brackets from the name', () => {
    expect(formatMailbox('Ada\r\nBcc: evil@x.com', 'ada@example.com')).toBe(
      '"AdaBcc: evil@x.com" <ada@example.com>',
    );
    expect(formatMailbox('"Ada" <\\Lovelace>', 'ada@example.com')).toBe('"Ada Lovelace" <ada@example.com>');
  });

  it('falls back to the bare address when the name is empty once cleaned', () => {
    expect(formatMailbox(null, 'ada@example.com')).toBe('ada@example.com');
    expect(formatMailbox(undefined, 'ada@example.com')).toBe('ada@example.com');
    expect(formatMailbox(' "\r\n" ', 'ada@example.com')).toBe('ada@example.com');
  });
});

describe('malformed domains and local parts', () => {
  it.each([
    ['a@-x.com', /must be a domain/],
    ['a@x-.com', /must be a domain/],
    ['a..b@x.com', /two in a row/],
    ['.a@x.com', /start or end with a dot/],
  ])('refuses %s', (value, message) => {
    const result = emailAddress.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(message);
  });
});
