/**
 * Timing for the hostile-input tests. A backtracking pattern is not a little
 * slow but hopelessly slow, so these bounds are generous; what they catch is
 * time that grows faster than the text.
 */

/** `unit` repeated to `size` characters, then `tail` (often one character that makes a pattern fail at the very end). */
export function repeated(unit: string, size: number, tail = ''): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size) + tail;
}

/**
 * The milliseconds `run` takes, at best of three: a pause of the machine's own
 * (a collection, another process) is not the code's. A first run ten times
 * over the bound is not retried, since that is the code.
 */
export function millisecondsFor(run: () => unknown, bound: number): number {
  let best = Infinity;
  for (let attempt = 0; attempt < 3; attempt++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
    if (best < bound || best > 10 * bound) break;
  }
  return best;
}

/**
 * The sizes a hostile text is tried at, smallest first: a parser that
 * backtracks fails at a small size in a second rather than hanging the run
 * for minutes on the largest.
 */
export const HOSTILE_SIZES = [1_000, 10_000, 100_000] as const;
