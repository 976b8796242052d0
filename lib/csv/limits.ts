// Apart from the parser, so the upload form can check a file's size in the browser without bundling it.

/** A larger file is refused before it is read: 5,000 applications fit in well under 2 MB. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/**
 * The most one import request may send: a file at the limit, or its text
 * carried back with the preview, which can take twice the bytes (in UTF-8, a
 * Windows-1252 file's accented letters take two each), with room for the
 * form's other fields. Refused unread above this.
 */
export const MAX_IMPORT_BODY_BYTES = 2 * MAX_FILE_BYTES + 64 * 1024;

/** One import is one transaction; more rows would hold it open too long. */
export const MAX_ROWS = 5000;
