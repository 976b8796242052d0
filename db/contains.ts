import { ilike, type Column } from 'drizzle-orm';

/**
 * Case-insensitive "contains" for the search boxes: `%` and `_` typed by the
 * person are searched for literally, not as wildcards. A trigram index
 * (`gin (column gin_trgm_ops)`, migration 0014) answers it once the text has
 * three characters; shorter text is read from the person's own rows.
 */
export function contains(column: Column, text: string) {
  return ilike(column, `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
}
