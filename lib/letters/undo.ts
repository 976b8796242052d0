/**
 * Every send waits this long, cancellable, before it leaves: a click made by
 * mistake can be taken back. A setting, 0 (off) to 60 seconds.
 */
export const DEFAULT_UNDO_SECONDS = 10;
export const MAX_UNDO_SECONDS = 60;
