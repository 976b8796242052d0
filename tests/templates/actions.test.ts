import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { db } from '@/db';
import { createCustomTemplate, saveBuiltinTemplate } from '@/db/queries/letter-templates';
import { letterTemplates } from '@/db/schema';
import {
  createTemplateAction,
  deleteTemplateAction,
  resetBuiltinTemplateAction,
  saveBuiltinTemplateAction,
  updateTemplateAction,
} from '@/app/(app)/templates/actions';
import { BUILTIN_TEMPLATES } from '@/lib/letters/builtins';
import { setupTestDatabase } from '../support/database';
import { signInAs } from '../contacts/support/session';
import { form, thrownDigest, twoPeople } from '../contacts/support/seed';

vi.mock('@/lib/auth/user', () => import('../contacts/support/session'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

setupTestDatabase();
const people = twoPeople();

const words = { subject: 'Thank you, {{contact.firstName}}', body: 'Dear {{contact.firstName}},\n\nThanks.\n\n{{me.signature}}' };
const rows = (userId: string) => db.select().from(letterTemplates).where(eq(letterTemplates.userId, userId));
const UNKNOWN_SALARY = /^Unknown merge field \{\{salary\}\}\. Use one of: \{\{contact\.firstName\}\}, .*\{\{me\.signature\}\}\.$/;

describe('saving a built-in', () => {
  it('keeps the person’s words as their copy of it, and goes back to the list saying so', async () => {
    const digest = await thrownDigest(saveBuiltinTemplateAction({ ok: false }, form({ kind: 'interview_thanks', ...words })));

    expect(digest).toContain(';/templates?saved=interview_thanks;');
    const [row] = await rows(people.ada.id);
    expect(row).toMatchObject({ kind: 'interview_thanks', builtinKind: 'interview_thanks', ...words });
    expect(await rows(people.bob.id)).toEqual([]);
  });

  it('refuses an unknown merge field by name, next to its field, and keeps what was typed', async () => {
    const typed = { kind: 'interview_thanks', subject: 'About {{constructor}}', body: 'My {{salary}} and ${1+1}' };

    const result = await saveBuiltinTemplateAction({ ok: false }, form(typed));

    expect(result.ok).toBe(false);
    expect(result.fieldErrors?.body?.[0]).toMatch(UNKNOWN_SALARY);
    expect(result.fieldErrors?.subject?.[0]).toMatch(/^Unknown merge field \{\{constructor\}\}\./);
    expect(result.values).toEqual(typed);
    expect(await rows(people.ada.id)).toEqual([]);
  });

  it('takes ${…} as plain text', async () => {
    await thrownDigest(saveBuiltinTemplateAction({ ok: false }, form({ kind: 'follow_up', subject: 'Hi ${name}', body: '${1+1}' })));
    expect(await rows(people.ada.id)).toMatchObject([{ subject: 'Hi ${name}', body: '${1+1}' }]);
  });

  it('refuses a subject with a line break, an empty letter, and a kind that does not exist', async () => {
    for (const subject of ['Thanks\r\nBcc: everyone@example.com', 'Thanks\nagain', 'Thanks\ragain']) {
      const result = await saveBuiltinTemplateAction({ ok: false }, form({ kind: 'follow_up', subject, body: 'Hello' }));
      expect(result.fieldErrors?.subject, JSON.stringify(subject)).toEqual(['A subject must be on one line.']);
    }
    const empty = await saveBuiltinTemplateAction({ ok: false }, form({ kind: 'follow_up', subject: 'Hi', body: '  \n ' }));
    expect(empty.fieldErrors?.body).toEqual(['A template needs the words of the letter.']);
    const long = await saveBuiltinTemplateAction({ ok: false }, form({ kind: 'follow_up', subject: 'x'.repeat(201), body: 'x' }));
    expect(long.fieldErrors?.subject).toEqual(['Keep the subject under 200 characters.']);
    const kind = await saveBuiltinTemplateAction({ ok: false }, form({ kind: 'offer_thanks', ...words }));
    expect(kind.fieldErrors?.kind).toEqual(['Choose which letter this template is for.']);
    expect(await rows(people.ada.id)).toEqual([]);
  });

  it('reset removes the person’s copy only, and says so on the list', async () => {
    await saveBuiltinTemplate(people.ada.id, 'follow_up', words);
    await saveBuiltinTemplate(people.bob.id, 'follow_up', words);

    const digest = await thrownDigest(resetBuiltinTemplateAction({ ok: false }, form({ kind: 'follow_up', userId: people.bob.id })));

    expect(digest).toContain(';/templates?reset=follow_up;');
    expect(await rows(people.ada.id)).toEqual([]);
    expect(await rows(people.bob.id)).toHaveLength(1);
    // A second reset (another tab) lands in the same place.
    expect(await thrownDigest(resetBuiltinTemplateAction({ ok: false }, form({ kind: 'follow_up' })))).toContain('reset=follow_up');
  });
});

describe('the person’s own templates', () => {
  const fields = { name: 'After a final round', kind: 'interview_thanks', ...words };

  it('are created for one kind of letter, with a name', async () => {
    const digest = await thrownDigest(createTemplateAction({ ok: false }, form({ ...fields, userId: people.bob.id })));

    const [row] = await rows(people.ada.id);
    expect(digest).toContain(`;/templates?saved=${row.id};`);
    expect(row).toMatchObject({ ...fields, builtinKind: null });
    expect(await rows(people.bob.id)).toEqual([]);
  });

  it('need a name of at most 80 characters, and known merge fields', async () => {
    const typed = { ...fields, name: 'N'.repeat(81), body: 'About {{salary}}' };
    const result = await createTemplateAction({ ok: false }, form(typed));

    expect(result.fieldErrors?.name).toEqual(['Name can be at most 80 characters.']);
    expect(result.fieldErrors?.body?.[0]).toMatch(UNKNOWN_SALARY);
    expect(result.values).toEqual(typed);
    expect((await createTemplateAction({ ok: false }, form({ ...fields, name: '  ' }))).fieldErrors?.name).toEqual(['Enter name.']);
    expect(await rows(people.ada.id)).toEqual([]);

    await thrownDigest(createTemplateAction({ ok: false }, form({ ...fields, name: 'N'.repeat(80) })));
    expect(await rows(people.ada.id)).toHaveLength(1);
  });

  it('are edited and deleted by their owner', async () => {
    const id = await createCustomTemplate(people.ada.id, { ...fields, kind: 'interview_thanks' });

    const saved = await thrownDigest(updateTemplateAction({ ok: false }, form({ ...fields, id, name: 'Renamed', kind: 'follow_up' })));
    expect(saved).toContain(`;/templates?saved=${id};`);
    expect(await rows(people.ada.id)).toMatchObject([{ id, name: 'Renamed', kind: 'follow_up', builtinKind: null }]);

    expect(await thrownDigest(deleteTemplateAction({ ok: false }, form({ id })))).toContain(';/templates?deleted=1;');
    expect(await rows(people.ada.id)).toEqual([]);
  });

  it('someone else’s template, an edited built-in, or a made-up id behave as missing', async () => {
    const bobs = await createCustomTemplate(people.bob.id, { ...fields, kind: 'follow_up' });
    const override = await saveBuiltinTemplate(people.ada.id, 'follow_up', words);
    const before = await db.select().from(letterTemplates);

    for (const id of [bobs, override, crypto.randomUUID()]) {
      const updated = await updateTemplateAction({ ok: false }, form({ ...fields, id, name: 'Mallory' }));
      expect(updated).toMatchObject({ ok: false, message: 'That template could not be found. It may have been deleted.' });
      const deleted = await deleteTemplateAction({ ok: false }, form({ id }));
      expect(deleted).toMatchObject({ ok: false, message: 'That template could not be found. It may have been deleted.' });
    }
    expect((await deleteTemplateAction({ ok: false }, form({ id: 'nope' }))).fieldErrors?.id).toEqual(['That item could not be found.']);
    expect(await db.select().from(letterTemplates)).toEqual(before);
  });

  it('nothing is saved for someone signed out', async () => {
    signInAs(null);
    const result = await createTemplateAction({ ok: false }, form(fields));
    expect(result).toMatchObject({ ok: false, message: 'Your session has ended. Sign in again to continue.' });
    expect(await db.select().from(letterTemplates)).toEqual([]);
  });
});

it('the built-ins pass the rules every saved template must pass', async () => {
  for (const builtin of Object.values(BUILTIN_TEMPLATES)) {
    const { kind, subject, body } = builtin;
    await thrownDigest(saveBuiltinTemplateAction({ ok: false }, form({ kind, subject, body })));
  }
  expect(await rows(people.ada.id)).toHaveLength(Object.keys(BUILTIN_TEMPLATES).length);
});
