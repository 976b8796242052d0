import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ImportPreview } from '@/app/(app)/applications/import/preview-data';
import { POST } from '@/app/api/applications/import/route';
import type { ActionState } from '@/lib/actions/state';
import { getUser, type SessionUser } from '@/lib/auth/user';
import { MAX_FILE_BYTES, MAX_IMPORT_BODY_BYTES } from '@/lib/csv/limits';
import { applicationsOf, csvFile, previewForm, seedPerson, uploadForm } from '../import/import-helpers';
import { setupTestDatabase } from '../support/database';

vi.mock('@/lib/auth/user', () => ({ getUser: vi.fn(), requireUser: vi.fn() }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const database = setupTestDatabase();
let person: SessionUser;

beforeEach(async () => {
  person = await seedPerson(database.db, 'ada');
  vi.mocked(getUser).mockResolvedValue(person);
});

const SITE = 'http://localhost:3000';
const ROUTE = `${SITE}/api/applications/import`;
const CHUNK = 64 * 1024;

/** A post as the import page makes it, from this site. */
const post = (form: FormData, headers: Record<string, string> = {}) =>
  POST(new Request(ROUTE, { method: 'POST', headers: { origin: SITE, host: 'localhost:3000', ...headers }, body: form }));

const stateOf = async (response: Response) => (await response.json()) as ActionState<string, ImportPreview>;

/** A body sent in chunks with no length declared, counting how much of it the route pulled. */
function chunkedBody(total: number) {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= total) return controller.close();
      controller.enqueue(new Uint8Array(CHUNK).fill(0x61));
      pulled += CHUNK;
    },
  });
  return { stream, pulled: () => pulled };
}

const streamed = (stream: ReadableStream<Uint8Array>, headers: Record<string, string>) =>
  new Request(ROUTE, { method: 'POST', headers: { origin: SITE, host: 'localhost:3000', 'content-type': 'multipart/form-data; boundary=x', ...headers }, body: stream, duplex: 'half' } as RequestInit);

/** A CSV of 5,000 applications that comes within a few bytes of the file limit, with CRLF line ends as Excel writes them. */
function fileAtTheLimit(): string {
  const header = 'Company,Position,Notes\r\n';
  const rows = 5000;
  const notes = Math.floor((MAX_FILE_BYTES - header.length) / rows) - 'Acme 0000,Engineer,\r\n'.length;
  return header + Array.from({ length: rows }, (_, i) => `Acme ${String(i).padStart(4, '0')},Engineer,${'n'.repeat(notes)}\r\n`).join('');
}

describe('the import’s route', () => {
  it('previews an upload and imports it, answering as the form expects', async () => {
    const preview = (await stateOf(await post(uploadForm(csvFile('Company,Position\nAcme,Engineer\nBeta,Designer\n'))))).data!;
    expect(preview.importable).toBe(2);

    const imported = await stateOf(await post(previewForm(preview, 'import')));

    expect(imported).toMatchObject({ ok: true, redirectTo: '/applications/table?imported=2' });
    expect((await applicationsOf(database.db, person.id)).map((a) => a.company).sort()).toEqual(['Acme', 'Beta']);
  });

  it('takes a file at the 2 MB limit, and its text carried back with the preview: more than a server action may', async () => {
    const text = fileAtTheLimit();
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MAX_FILE_BYTES);
    expect(Buffer.byteLength(text)).toBeGreaterThan(MAX_FILE_BYTES - 5000);

    const uploaded = await stateOf(await post(uploadForm(csvFile(text))));
    expect(uploaded.data?.importable).toBe(5000);
    const again = await stateOf(await post(previewForm(uploaded.data!, 'preview')));
    expect(again.message).toBeUndefined();
    expect(again.data?.importable).toBe(5000);
  }, 60_000);

  it(`refuses a body declaring more than ${MAX_IMPORT_BODY_BYTES} bytes with 413, without reading it`, async () => {
    const request = streamed(chunkedBody(8 * 1024 * 1024).stream, { 'content-length': String(MAX_IMPORT_BODY_BYTES + 1) });

    const response = await POST(request);

    expect(response.status).toBe(413);
    expect((await stateOf(response)).fieldErrors?.file).toEqual(['The file is larger than 2 MB: split it and import the parts one by one.']);
    expect(request.bodyUsed).toBe(false);
  });

  it('cuts a body sent in chunks, with no length, off where it passes the limit', async () => {
    const body = chunkedBody(8 * 1024 * 1024);

    const response = await POST(streamed(body.stream, {}));

    expect(response.status).toBe(413);
    // The stream may hold a chunk or two ready ahead of the reader.
    expect(body.pulled()).toBeLessThanOrEqual(MAX_IMPORT_BODY_BYTES + 2 * CHUNK);
  });

  it('refuses a post from another site, or from nowhere said, without reading it', async () => {
    for (const origin of ['https://evil.example', undefined]) {
      const request = streamed(chunkedBody(CHUNK).stream, origin ? { origin } : { origin: '' });

      const response = await POST(request);

      expect(response.status, `from ${origin}`).toBe(403);
      expect(request.bodyUsed, `from ${origin}`).toBe(false);
    }
    expect(await applicationsOf(database.db, person.id)).toEqual([]);
  });

  it('answers a signed-out visitor as a form is answered, and imports nothing', async () => {
    vi.mocked(getUser).mockResolvedValue(null);

    const state = await stateOf(await post(uploadForm(csvFile('Company,Position\nAcme,Engineer\n'))));

    expect(state).toMatchObject({ ok: false, message: 'Your session has ended. Sign in again to continue.' });
  });
});
