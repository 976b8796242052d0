import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { addApplication } from '@/app/(app)/applications/actions';
import { importStep } from '@/app/(app)/applications/import/import-step';
import { createContactAction } from '@/app/(app)/contacts/actions';
import { db } from '@/db';
import { mergeCandidates } from '@/db/queries/contact-list';
import { flagAddresses } from '@/db/queries/letters';
import { clearAddressFlag, contactAddressFlag } from '@/db/queries/letters-sent';
import { applications, companies, contacts } from '@/db/schema';
import type { ImportRow } from '@/lib/csv/import-plan';
import { optionalLine, optionalText, requiredLine } from '@/lib/validation/fields';
import { createApplication } from '@/server/applications/create-application';
import { importApplications } from '@/server/applications/import-applications';
import { createContact } from '@/server/contacts/save-contact';
import { seedContact, twoPeople } from '../contacts/support/seed';
import { setupTestDatabase } from '../support/database';
import { csvFile, previewForm, previewIn, redirectOf, uploadForm } from '../import/import-helpers';

vi.mock('@/lib/auth/user', () => import('../contacts/support/session'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

/**
 * Names and addresses typed in any script, case and Unicode form. Matching is
 * the database's alone, on both sides of every comparison, so JavaScript and
 * Postgres can never disagree about which company a name names; and what a
 * person types is stored composed (NFC), whatever their keyboard sent.
 */

setupTestDatabase();
const people = twoPeople();

const decomposed = (text: string) => text.normalize('NFD');

/** Spellings that name one company: the first is how it was first typed, and stays its name. */
const SAME_COMPANY: Record<string, string[]> = {
  // Every I there is (I, ı, İ, i) meets in one: Turkish names are typed in capitals and on keyboards without İ and ı.
  Turkish: ['İSTANBUL Teknoloji', 'istanbul teknoloji', 'ISTANBUL TEKNOLOJİ', 'Istanbul Teknoloji', 'ıstanbul teknoloji'],
  'Turkish dotless ı': ['Işık Yazılım', 'IŞIK YAZILIM', 'ışık yazılım'],
  // ß in capitals is SS (ẞ is rare): "STRASSE" is how Straße is written in capitals.
  German: ['Straße Bau', 'STRASSE BAU', 'STRAẞE BAU', 'strasse bau'],
  // ς and σ are one letter, Σ in capitals; the capitals are how Greek signs are written.
  Greek: ['ΟΔΟΣ Α.Ε.', 'Οδος Α.Ε.', 'οδοσ α.ε.'],
  // Å composed, decomposed (A + ring), and the Ångström sign, which is canonically Å.
  Swedish: ['Ångström AB', 'ÅNGSTRÖM AB', decomposed('Ångström AB'), '\u212Bngström AB'],
  'combining accents': ['Café Noir', decomposed('Café Noir'), 'CAFÉ NOIR', decomposed('CAFÉ NOIR')],
};

/** Spellings that stay different companies: an accent, or a dot as a separate mark, is a different letter. */
const DIFFERENT_COMPANIES: [string, string][] = [
  ['Café Noir', 'Cafe Noir'],
  ['Ångström AB', 'Angstrom AB'],
  ['Müller Logistik', 'Muller Logistik'],
  ['ΆΛΦΑ', 'ΑΛΦΑ'],
];

const row = (company: string, position = 'Engineer'): ImportRow => ({
  company,
  position,
  jobUrl: null,
  location: null,
  source: null,
  appliedOn: null,
  notes: null,
});

const byHand = (userId: string, company: string) => createApplication(userId, row(company));

const companyNamesOf = async (userId: string) =>
  (await db.select({ name: companies.name }).from(companies).where(eq(companies.userId, userId))).map((c) => c.name).sort();

/** The company of each of the person's applications, by position. */
async function companyOfEach(userId: string) {
  const rows = await db
    .select({ position: applications.position, companyId: applications.companyId })
    .from(applications)
    .where(eq(applications.userId, userId));
  return new Map(rows.map((r) => [r.position, r.companyId]));
}

/** The new-application form, as the browser sends it; the action ends in a redirect to the new application. */
async function addByForm(company: string) {
  const form = new FormData();
  for (const [key, value] of Object.entries({ company, position: 'Engineer', jobUrl: '', location: '', source: '', stage: 'wishlist', appliedOn: '', notes: '' })) {
    form.set(key, value);
  }
  return redirectOf(addApplication({ ok: false }, form));
}

describe('the field rules every form and the import share', () => {
  it('keep text composed (NFC), however it was typed, and count its length composed', () => {
    const nfc = (text: string) => text.normalize('NFC');
    expect(requiredLine('Company').parse(decomposed(' Café Noir '))).toBe(nfc('Café Noir'));
    expect(requiredLine('Company').parse('\u212Bngström AB')).toBe(nfc('Ångström AB'));
    expect(optionalLine('Location').parse(decomposed('Malmö '))).toBe(nfc('Malmö'));
    expect(optionalText('Notes').parse(decomposed('Met José at the café.\n'))).toBe(nfc('Met José at the café.'));
    expect(requiredLine('Company', 4).safeParse(decomposed('Café')).success).toBe(true);
  });
});

describe.each(Object.entries(SAME_COMPANY))('%s company names', (_, [first, ...others]) => {
  it('the new-application form finds the company however the name is typed', async () => {
    for (const name of [first, ...others]) expect(await addByForm(name)).toMatch(/^\/applications\/[0-9a-f-]{36}$/);
    expect(await companyNamesOf(people.ada.id)).toEqual([first]);
  });

  it('the CSV import matches the person’s existing company', async () => {
    await byHand(people.ada.id, first);
    await byHand(people.bob.id, first);
    expect(await importApplications(people.ada.id, others.map((name, i) => row(name, `Imported ${i}`)))).toBe(others.length);
    expect(await companyNamesOf(people.ada.id)).toEqual([first]);
    expect(new Set((await companyOfEach(people.ada.id)).values()).size).toBe(1);
    expect(await companyNamesOf(people.bob.id)).toEqual([first]);
  });

  it('the CSV import makes one company of every spelling within the same file, named as first written', async () => {
    const rows = [first, ...others].map((name, i) => row(name, `Imported ${i}`));
    expect(await importApplications(people.ada.id, rows)).toBe(rows.length);
    expect(await companyNamesOf(people.ada.id)).toEqual([first]);
    expect(new Set((await companyOfEach(people.ada.id)).values()).size).toBe(1);
  });
});

describe('names that are different companies', () => {
  it.each(DIFFERENT_COMPANIES)('%s and %s stay two, by form and by import', async (one, other) => {
    await addByForm(one);
    await addByForm(other);
    expect(await companyNamesOf(people.ada.id)).toEqual([one, other].sort());
    await importApplications(people.ada.id, [row(other, 'Imported 1'), row(one, 'Imported 2')]);
    expect(await companyNamesOf(people.ada.id)).toHaveLength(2);
  });

  it('a name no rule joins to another becomes a company of its own, never an error', async () => {
    // i followed by a combining dot is how JavaScript lower-cases İ; it is not the letter i.
    const names = ['İSTANBUL Teknoloji', 'i\u0307stanbul teknoloji', '\u{1F680} Rockets', '𝔄𝔠𝔪𝔢'];
    expect(await importApplications(people.ada.id, names.map((name, i) => row(name, `Imported ${i}`)))).toBe(names.length);
    expect(await companyNamesOf(people.ada.id)).toEqual([...names].sort());
  });
});

describe('the CSV import action, from file to applications', () => {
  it('imports a file with İSTANBUL Teknoloji whole, joining the company the person already has', async () => {
    await byHand(people.ada.id, 'istanbul teknoloji');
    const file = ['Company,Position', 'İSTANBUL Teknoloji,Engineer', 'ΟΔΟΣ Α.Ε.,Designer', 'Οδος Α.Ε.,Writer', `${decomposed('Café Noir')},Barista`, 'Café Noir,Cook'].join('\n');
    const preview = previewIn(await importStep({ ok: false }, uploadForm(csvFile(file))));
    expect(preview.problems).toEqual([]);
    expect(await redirectOf(importStep({ ok: false }, previewForm(preview, 'import')))).toBe('/applications/table?imported=5');
    expect(await companyNamesOf(people.ada.id)).toEqual(['Café Noir', 'istanbul teknoloji', 'ΟΔΟΣ Α.Ε.'].sort());
  });

  it('stores what was typed composed (NFC), so the name reads and searches the same whatever the keyboard sent', async () => {
    const preview = previewIn(await importStep({ ok: false }, uploadForm(csvFile(`Company,Position\n${decomposed('Ångström AB')},${decomposed('Ingénieur')}\n`))));
    await redirectOf(importStep({ ok: false }, previewForm(preview, 'import')));
    const [application] = await db.select().from(applications).where(eq(applications.userId, people.ada.id));
    expect(application.position).toBe('Ingénieur'.normalize('NFC'));
    expect(await companyNamesOf(people.ada.id)).toEqual(['Ångström AB'.normalize('NFC')]);
  });
});

describe('contacts: e-mail addresses and duplicates', () => {
  const blank = { name: 'Ayşe Yılmaz', email: '', title: '', company: '', phone: '', linkedinUrl: '', notes: '' };
  const contactForm = (fields: Record<string, string>) => {
    const form = new FormData();
    for (const [key, value] of Object.entries({ ...blank, ...fields })) form.set(key, value);
    return form;
  };

  it('matches an address in any case, and refuses one with letters outside ASCII with a message, not an error', async () => {
    await redirectOf(createContactAction({ ok: false }, contactForm({ email: 'AYSE.YILMAZ@ISTANBUL.EXAMPLE' })));
    const again = await createContactAction({ ok: false }, contactForm({ email: 'ayse.yilmaz@istanbul.example' }));
    expect(again.ok).toBe(false);
    expect(again.fieldErrors?.email?.[0]).toMatch(/^Ayşe Yılmaz already has this email address/);
    for (const email of ['ayşe.yılmaz@istanbul.example', 'İNFO@ISTANBUL.EXAMPLE', 'straße@bau.example', 'οδος@example.gr', decomposed('café@noir.example')]) {
      const state = await createContactAction({ ok: false }, contactForm({ email }));
      expect(state.ok).toBe(false);
      expect(state.fieldErrors?.email?.[0]).toMatch(/plain letters/);
    }
    expect(await db.$count(contacts, eq(contacts.userId, people.ada.id))).toBe(1);
  });

  it('finds a flag on an address whatever case the report named it in, and clears it in any case', async () => {
    const id = await seedContact(people.ada.id, { name: 'Ayşe Yılmaz', email: 'ayse@istanbul.example' });
    await flagAddresses(db, people.ada.id, ['AYSE@Istanbul.Example'], 'bounced', crypto.randomUUID());
    expect(await contactAddressFlag(people.ada.id, id)).toMatchObject({ reason: 'bounced' });
    expect(await clearAddressFlag(people.ada.id, 'Ayse@ISTANBUL.example')).toBe(true);
    expect(await contactAddressFlag(people.ada.id, id)).toBeNull();
  });

  it.each([
    ['Turkish', 'İlkay Gündoğan', 'ILKAY GÜNDOĞAN'],
    ['Turkish dotless ı', 'Işıl Aydın', 'ışıl aydın'],
    ['German', 'Jürgen Weiß', 'JÜRGEN WEISS'],
    ['Greek', 'Νικος Παπαδοπουλος', 'ΝΙΚΟΣ ΠΑΠΑΔΟΠΟΥΛΟΣ'],
    ['Swedish', 'Åsa Öberg', decomposed('ÅSA ÖBERG')],
    ['combining accents', 'José Martín', decomposed('josé martín')],
  ])('offers a %s namesake as the likeliest duplicate, whichever of the two is merged', async (_, one, other) => {
    const save = (name: string) => createContact(people.ada.id, { name, email: null, title: null, company: null, phone: null, linkedinUrl: null, notes: null });
    const stranger = await save('Grace Hopper');
    const a = await save(one);
    const b = await save(other);
    expect([stranger, a, b].every((r) => r.status === 'saved')).toBe(true);
    const [ida, idb] = [a, b].map((r) => (r as { id: string }).id);
    const firstOf = async (contact: { id: string; name: string }) => (await mergeCandidates(people.ada.id, { ...contact, email: null }))[0];
    expect(await firstOf({ id: ida, name: one })).toMatchObject({ id: idb, sameName: true });
    expect(await firstOf({ id: idb, name: other })).toMatchObject({ id: ida, sameName: true });
  });
});
