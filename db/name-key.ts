import { sql, type SQLWrapper } from 'drizzle-orm';

/**
 * What two names share when they name the same thing, whatever the case or
 * Unicode form they were typed in: a company typed "İSTANBUL Teknoloji" is
 * the person's "istanbul teknoloji". It is computed by the database alone,
 * on both sides of every comparison and in the unique index that settles
 * races, so no other language's idea of case can disagree with it.
 *
 * - Composed first (NFC): "é" as one code point or as "e" and an accent is
 *   the same text, even in rows stored before forms composed what they saved.
 * - Upper-cased, then lower-cased: a lower() alone keeps apart the letters
 *   that share a capital (σ and final ς under Σ; ı and i under I, with İ
 *   lower-casing to i), which is how Greek and Turkish names are written in
 *   capitals and typed on keyboards without those letters.
 * - ß is spelled ss: its capital is SS, which a letter-by-letter case mapping
 *   cannot produce, and "STRASSE" is how Straße is written in capitals.
 *
 * Accents and other marks still count: Café and Cafe, Müller and Muller are
 * different names. Which letters have which case is the database's own rule
 * (its ctype), the same for every statement it runs.
 */
export function nameKey(value: SQLWrapper | string) {
  return sql`replace(lower(upper(normalize(${value}, NFC))), 'ß', 'ss')`;
}
