/** The morning digest comes at 08:00 in the person's own time zone unless they choose another time. */
export const DEFAULT_DIGEST_MINUTE = 8 * 60;
