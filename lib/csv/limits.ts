// Apart from the parser, so the upload form can check a file's size in the browser without bundling it.

/** A larger file is refused before it is read: 5,000 applications fit in well under 2 MB. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;
/** One import is one transaction; more rows would hold it open too long. */
export const MAX_ROWS = 5000;
