/**
 * Reading a request's body with a ceiling, for the route handlers that take
 * one (Next limits server actions' bodies, never a route handler's). The
 * ceiling holds whether the sender declares a length or streams in chunks.
 */

/** True when the request says, by its Content-Length, that its body is over the limit: refused before a byte is read. */
export function declaresMoreThan(request: Request, limit: number): boolean {
  const declared = Number(request.headers.get('content-length'));
  return Number.isFinite(declared) && declared > limit;
}

/**
 * The body's bytes, or null as soon as they go past the limit: the rest is
 * never read, so a body without a length, sent in chunks, costs no more
 * than the limit however long it goes on.
 */
export async function bodyWithin(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
