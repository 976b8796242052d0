import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import {
  createCustomTemplate,
  deleteCustomTemplate,
  effectiveTemplate,
  getCustomTemplate,
  latestInterviewId,
  listTemplates,
  previewApplications,
  resetBuiltinTemplate,
  saveBuiltinTemplate,
  templatesForKind,
  updateCustomTemplate,
} from '@/db/queries/letter-templates';
import { applications, letterTemplates } from '@/db/schema';
import { BUILTIN_TEMPLATES } from '@/lib/letters/builtins';
import { LETTER_KINDS } from '@/lib/letters/kinds';
import { seedApplication, seedInterview, twoPeople } from '../contacts/support/seed';
import { setupTestDatabase } from '../support/database';

setupTestDatabase();
const people = twoPeople();

const words = { subject: 'Thanks, {{contact.firstName}}', body: 'Dear {{contact.firstName}},\n\nThank you.\n\n{{me.signature}}' };
const custom = (name: string, kind: (typeof LETTER_KINDS)[number] = 'follow_up') => ({ ...words, name, kind });
const rows = (userId: string) => db.select().from(letterTemplates).where(eq(letterTemplates.userId, userId));

describe('built-in templates', () => {
  it('lists the three built-ins as they ship, and nothing of the person’s own, for someone new', async () => {
    const list = await listTemplates(people.ada.id);

    expect(list.map((t) => [t.key, t.builtin, t.edited, t.id])).toEqual(LETTER_KINDS.map((kind) => [kind, true, false, null]));
    expect(list[0]).toMatchObject({ ...BUILTIN_TEMPLATES.interview_thanks, description: BUILTIN_TEMPLATES.interview_thanks.description });
  });

  it('keeps one edited copy per kind, however often it is saved, and only for its owner', async () => {
    const first = await saveBuiltinTemplate(people.ada.id, 'interview_thanks', words);
    const second = await saveBuiltinTemplate(people.ada.id, 'interview_thanks', { ...words, subject: 'Second try' });
    await Promise.all([
      saveBuiltinTemplate(people.ada.id, 'follow_up', words),
      saveBuiltinTemplate(people.ada.id, 'follow_up', { ...words, subject: 'Raced' }),
    ]);

    expect(second).toBe(first);
    const stored = await rows(people.ada.id);
    expect(stored).toHaveLength(2);
    expect(stored.find((r) => r.builtinKind === 'interview_thanks')).toMatchObject({
      id: first,
      kind: 'interview_thanks',
      name: BUILTIN_TEMPLATES.interview_thanks.name,
      subject: 'Second try',
    });
    const list = await listTemplates(people.ada.id);
    expect(list.find((t) => t.key === 'interview_thanks')).toMatchObject({ edited: true, id: first, subject: 'Second try' });
    expect(list.find((t) => t.key === 'rejection_thanks')).toMatchObject({ edited: false, id: null });
    expect(list.filter((t) => !t.builtin)).toEqual([]);
    expect((await listTemplates(people.bob.id)).every((t) => !t.edited)).toBe(true);
  });

  it('reset brings back the built-in text; resetting again changes nothing', async () => {
    await saveBuiltinTemplate(people.ada.id, 'rejection_thanks', words);
    await saveBuiltinTemplate(people.bob.id, 'rejection_thanks', words);

    expect(await resetBuiltinTemplate(people.ada.id, 'rejection_thanks')).toBe(true);
    expect(await resetBuiltinTemplate(people.ada.id, 'rejection_thanks')).toBe(false);

    expect(await effectiveTemplate(people.ada.id, 'rejection_thanks')).toEqual({
      id: null,
      name: BUILTIN_TEMPLATES.rejection_thanks.name,
      kind: 'rejection_thanks',
      subject: BUILTIN_TEMPLATES.rejection_thanks.subject,
      body: BUILTIN_TEMPLATES.rejection_thanks.body,
      builtin: true,
    });
    expect(await rows(people.bob.id)).toHaveLength(1);
  });
});

describe('effectiveTemplate', () => {
  it('without a template id: the person’s edited built-in, else the built-in', async () => {
    const overrideId = await saveBuiltinTemplate(people.ada.id, 'interview_thanks', words);

    expect(await effectiveTemplate(people.ada.id, 'interview_thanks')).toEqual({
      id: overrideId,
      name: BUILTIN_TEMPLATES.interview_thanks.name,
      kind: 'interview_thanks',
      ...words,
      builtin: true,
    });
    expect(await effectiveTemplate(people.bob.id, 'interview_thanks', null)).toMatchObject({
      id: null,
      subject: BUILTIN_TEMPLATES.interview_thanks.subject,
    });
  });

  it('with a template id: only the person’s own template, and only for its kind', async () => {
    const mine = await createCustomTemplate(people.ada.id, custom('After a conference'));
    const bobs = await createCustomTemplate(people.bob.id, custom('Bob’s'));
    const overrideId = await saveBuiltinTemplate(people.ada.id, 'follow_up', words);

    expect(await effectiveTemplate(people.ada.id, 'follow_up', mine)).toEqual({
      id: mine,
      name: 'After a conference',
      kind: 'follow_up',
      ...words,
      builtin: false,
    });
    expect(await effectiveTemplate(people.ada.id, 'interview_thanks', mine)).toBeNull();
    expect(await effectiveTemplate(people.ada.id, 'follow_up', bobs)).toBeNull();
    expect(await effectiveTemplate(people.ada.id, 'follow_up', 'not-a-uuid')).toBeNull();
    expect(await effectiveTemplate(people.ada.id, 'follow_up', crypto.randomUUID())).toBeNull();
    // The id of an edited built-in, as a picker shows it, is that built-in.
    expect(await effectiveTemplate(people.ada.id, 'follow_up', overrideId)).toMatchObject({ id: overrideId, builtin: true });
    expect(await effectiveTemplate(people.ada.id, 'rejection_thanks', overrideId)).toBeNull();
  });

  it('works inside a transaction', async () => {
    const mine = await createCustomTemplate(people.ada.id, custom('In a transaction'));
    const found = await db.transaction((tx) => effectiveTemplate(people.ada.id, 'follow_up', mine, tx));
    expect(found?.name).toBe('In a transaction');
  });
});

describe('templatesForKind', () => {
  it('offers the built-in first, then the person’s own of that kind by name', async () => {
    await createCustomTemplate(people.ada.id, custom('Zeta'));
    await createCustomTemplate(people.ada.id, custom('Alpha'));
    await createCustomTemplate(people.ada.id, custom('Thanks', 'interview_thanks'));
    await createCustomTemplate(people.bob.id, custom('Bob’s follow-up'));
    await saveBuiltinTemplate(people.ada.id, 'follow_up', words);

    const offered = await templatesForKind(people.ada.id, 'follow_up');

    expect(offered.map((t) => [t.name, t.builtin])).toEqual([
      [BUILTIN_TEMPLATES.follow_up.name, true],
      ['Alpha', false],
      ['Zeta', false],
    ]);
    expect(offered[0].subject).toBe(words.subject);
  });
});

describe('the person’s own templates', () => {
  it('are created, edited and deleted by their owner only', async () => {
    const id = await createCustomTemplate(people.ada.id, custom('Mine'));
    const edit = { ...custom('Renamed', 'rejection_thanks'), subject: 'New subject' };

    expect(await updateCustomTemplate(people.bob.id, id, { ...edit, name: 'Hijacked' })).toBe(false);
    expect(await deleteCustomTemplate(people.bob.id, id)).toBe(false);
    expect(await getCustomTemplate(people.bob.id, id)).toBeNull();
    expect(await getCustomTemplate(people.ada.id, id)).toMatchObject({ name: 'Mine', builtin: false });

    expect(await updateCustomTemplate(people.ada.id, id, edit)).toBe(true);
    expect(await getCustomTemplate(people.ada.id, id)).toMatchObject({ ...edit, id, key: id });

    expect(await deleteCustomTemplate(people.ada.id, id)).toBe(true);
    expect(await getCustomTemplate(people.ada.id, id)).toBeNull();
  });

  it('an edited built-in is not a template of one’s own: it cannot be edited or deleted as one', async () => {
    const overrideId = await saveBuiltinTemplate(people.ada.id, 'follow_up', words);

    expect(await getCustomTemplate(people.ada.id, overrideId)).toBeNull();
    expect(await updateCustomTemplate(people.ada.id, overrideId, custom('Sneaky'))).toBe(false);
    expect(await deleteCustomTemplate(people.ada.id, overrideId)).toBe(false);
    expect(await rows(people.ada.id)).toHaveLength(1);
  });
});

describe('applications to preview against', () => {
  it('are the person’s own, latest changed first, and know their latest interview', async () => {
    const older = await seedApplication(people.ada.id, 'Older Co', 'Analyst');
    const newer = await seedApplication(people.ada.id, 'Newer Co', 'Engineer');
    const bobs = await seedApplication(people.bob.id, 'Bob Co');
    await seedInterview(people.ada.id, newer, [], { scheduledAt: new Date('2026-01-01T10:00:00Z') });
    const latest = await seedInterview(people.ada.id, newer, [], { scheduledAt: new Date('2026-02-01T10:00:00Z') });

    await db.update(applications).set({ updatedAt: new Date('2020-01-01T00:00:00Z') }).where(eq(applications.id, older));

    const apps = await previewApplications(people.ada.id);
    expect(apps.map((a) => a.id)).toEqual([newer, older]);
    expect(apps.find((a) => a.id === newer)).toMatchObject({ company: 'Newer Co', position: 'Engineer' });
    expect(await latestInterviewId(people.ada.id, newer)).toBe(latest);
    expect(await latestInterviewId(people.ada.id, older)).toBeNull();
    expect(await latestInterviewId(people.bob.id, newer)).toBeNull();
    expect(await latestInterviewId(people.ada.id, bobs)).toBeNull();
  });
});
