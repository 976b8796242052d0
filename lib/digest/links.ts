import crypto from 'node:crypto';

/** A digest's Send link works this long, once. */
export const DIGEST_LINK_HOURS = 24;
export const DIGEST_SEND_PATH = '/digest/send';

/** Far longer than any token Afterword makes: anything longer is refused unread. */
export const MAX_LINK_TOKEN_LENGTH = 100;

export const newLinkToken = () => crypto.randomBytes(32).toString('base64url');

/** How a link's token is stored and looked up: the token itself is only ever in the mail. */
export const hashLinkToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

export const digestLinkExpiry = (now: Date) => new Date(now.getTime() + DIGEST_LINK_HOURS * 3_600_000);

/** The idempotency key of a person's digest of a day: one mail, however often it is handed over. */
export const digestIdempotencyKey = (userId: string, day: string) => `afterword-digest-${userId}-${day}`;
