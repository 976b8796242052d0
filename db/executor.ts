import type { Database } from './open';

/** The database or a transaction on it: query helpers take either, so callers can compose them atomically. */
export type Executor = Database | Parameters<Parameters<Database['transaction']>[0]>[0];
