/** Said for a link that was used, expired, is another account's or never existed: the same words for each. */
export const DIGEST_LINK_REFUSED =
  'This Send link cannot be used: it was used already, it is more than 24 hours old, or it belongs to another account. Open the letter from your dashboard instead.';
