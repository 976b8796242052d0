/**
 * What went wrong, told safely: the one way an error becomes text that is
 * logged or stored.
 *
 * An error from the database carries the statement it ran and the values it
 * was given: a session token, an address, a letter's body. The driver keeps
 * them in properties (`query`, `parameters`), and Drizzle, wrapping it, puts
 * both into its message ("Failed query: … params: …"). Printing the error
 * prints them. So nothing here prints an error: it reads each error in the
 * chain of causes for what cannot hold a value (its class and code) and the
 * first line of its message, with whatever looks like a value taken out.
 */

/** How many errors of a chain are told: the error, what it wraps, and so on. */
const MAX_CHAIN = 5;
/** The most of one error's message that is kept. */
const MAX_MESSAGE = 160;

/** Drizzle's message for a failed statement, which goes on with the statement and its parameters. */
const FAILED_QUERY = /^Failed query:/;
const URL_PATTERN = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+/gi;
const ADDRESS_PATTERN = /[^\s@"'<>()[\],;:]+@[^\s@"'<>()[\],;:]+\.[^\s@"'<>()[\],;:]+/g;
const QUOTED_PATTERN = /"([^"]*)"/g;
/** Names of tables, columns and constraints, which Postgres quotes in its messages. */
const IDENTIFIER = /^[a-z_][a-z0-9_$]{0,62}$/;
const TOKEN_LIKE = /[A-Za-z0-9_+/=-]{16,}/g;

/** A URL without what may be secret in it: credentials, query and fragment. */
function bareUrl(url: string): string {
  try {
    const { protocol, host, pathname } = new URL(url);
    return `${protocol}//${host}${pathname === '/' ? '' : pathname}`;
  } catch {
    return '[url]';
  }
}

/**
 * A run of token characters reads as a secret when it has digits (a hex or
 * base64 token, a UUID) or, when long, both cases; names made of lower-case
 * words (`letters_user_id_idx`) are kept.
 */
function redactToken(run: string): string {
  const hasDigit = /\d/.test(run);
  const mixedCase = /[a-z]/.test(run) && /[A-Z]/.test(run);
  return hasDigit || (mixedCase && run.length >= 24) ? '[redacted]' : run;
}

/** The first line of a message, with the values it may carry taken out. */
export function safeMessage(message: string): string {
  if (FAILED_QUERY.test(message)) return 'Failed query';
  // Patterns run on a bounded piece, so a huge message costs no more than a short one; what is
  // taken out is taken out before the cut, so no value is left half in the text.
  const line = message.split('\n', 1)[0]!.trim().slice(0, MAX_MESSAGE * 4);
  const safe = line
    .replace(URL_PATTERN, bareUrl)
    .replace(ADDRESS_PATTERN, '[address]')
    .replace(QUOTED_PATTERN, (quoted, inner: string) => (IDENTIFIER.test(inner) ? quoted : '"…"'))
    .replace(TOKEN_LIKE, redactToken);
  return safe.length > MAX_MESSAGE ? `${safe.slice(0, MAX_MESSAGE - 1)}…` : safe;
}

const CLASS_NAME = /^[A-Za-z][\w$]{0,60}$/;

/** The error's class: its `name`, or its constructor's when the name is only "Error" (as Drizzle's are). */
function nameOf(error: object): string {
  const { name } = error as { name?: unknown };
  const constructorName = (error as { constructor?: { name?: unknown } }).constructor?.name;
  if (typeof name === 'string' && CLASS_NAME.test(name) && name !== 'Error') return name;
  return typeof constructorName === 'string' && CLASS_NAME.test(constructorName) && constructorName !== 'Object'
    ? constructorName
    : 'Error';
}

/** A driver's or the system's code (`57P01`, `ECONNREFUSED`), which names a kind of failure and holds no value. */
function codeOf(error: object): string | null {
  const { code } = error as { code?: unknown };
  if (typeof code === 'number') return String(code);
  return typeof code === 'string' && /^[A-Za-z0-9_.-]{1,40}$/.test(code) ? code : null;
}

function causeOf(error: object): unknown {
  const { cause } = error as { cause?: unknown };
  // Auth.js wraps the error it caught as `cause: { err, …details }`.
  if (cause && typeof cause === 'object' && !(cause instanceof Error) && 'err' in cause) return cause.err;
  return cause;
}

/**
 * One short line for an error and its causes, safe to log and to store:
 * `DrizzleQueryError: Failed query; caused by PostgresError 57P01: terminating connection …`.
 */
export function errorReason(error: unknown): string {
  const told: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < MAX_CHAIN && current !== undefined && current !== null; depth++) {
    if (typeof current !== 'object') {
      told.push(typeof current === 'string' ? safeMessage(current) : typeof current);
      break;
    }
    const code = codeOf(current);
    const { message } = current as { message?: unknown };
    // Some causes are only details (Auth.js's `{ hasInvite, expired }`): not an error to tell.
    if (!(current instanceof Error) && typeof message !== 'string' && !code) break;
    const text = typeof message === 'string' ? safeMessage(message) : '';
    const line = `${nameOf(current)}${code ? ` ${code}` : ''}${text ? `: ${text}` : ''}`;
    if (told.at(-1) !== line) told.push(line);
    current = causeOf(current);
  }
  return told.join('; caused by ') || 'unknown error';
}

/** A stack frame: where the code was, with nothing of what it held. */
const FRAME = /^at (?:.+ \()?(?:\/|file:\/\/|node:|[A-Za-z]:\\)[^()]*:\d+:\d+\)?$/;

/**
 * Where an error was thrown, from its stack: the frames only, never the
 * message the stack begins with (which is the whole message, statement and
 * parameters included).
 */
export function errorFrames(error: unknown, limit = 6): string[] {
  const stack = error && typeof error === 'object' ? (error as { stack?: unknown }).stack : undefined;
  if (typeof stack !== 'string') return [];
  return stack
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => FRAME.test(line))
    .slice(0, limit);
}
