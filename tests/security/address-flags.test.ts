import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db';
import { flaggedAddresses } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/user';
import { COMPLAINED_FOR_GOOD, EDIT_BEFORE_CLEARING } from '@/lib/letters/address-flags';
import { updateContact } from '@/server/contacts/save-contact';
import { form, type Seeded, seedInterviewWithThree } from '../letters/support';
import { setupTestDatabase } from '../support/database';

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/user', () => ({ getUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { clearAddressFlagAction } = await import('@/app/(app)/letters/actions');
const { contactAddressFlag } = await import('@/db/queries/letters-sent');

setupTestDatabase();

let seeded: Seeded;
beforeEach(async () => {
  seeded = await seedInterviewWithThree();
  session.user = seeded.ada;
});

const clear = (contactId: string) => clearAddressFlagAction({ ok: false }, form({ contactId }));
const flagged = () => db.select({ email: flaggedAddresses.email, reason: flaggedAddresses.reason }).from(flaggedAddresses);
/** The person opens "Fix the address" and saves the contact, the address as it was. */
const saveAlan = (email = 'alan@acme.example') =>
  updateContact(seeded.ada.id, seeded.alan, { name: 'Alan Turing', email, title: null, phone: null, linkedinUrl: null, notes: null, company: null });
const flagAlan = (reason: 'bounced' | 'complained') =>
  db.insert(flaggedAddresses).values({ userId: seeded.ada.id, email: 'alan@acme.example', reason, createdAt: new Date(Date.now() + 1000) });

describe('clearing a flagged address', () => {
  it('never clears a complaint, not even after the address is saved again', async () => {
    await flagAlan('complained');

    expect(await clear(seeded.alan)).toMatchObject({ ok: false, message: COMPLAINED_FOR_GOOD });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await saveAlan();
    expect(await contactAddressFlag(seeded.ada.id, seeded.alan)).toMatchObject({ reason: 'complained', editedSince: true });
    expect(await clear(seeded.alan)).toMatchObject({ ok: false, message: COMPLAINED_FOR_GOOD });
    expect(await flagged()).toEqual([{ email: 'alan@acme.example', reason: 'complained' }]);
  });

  it('clears a bounce only after the address has been edited', async () => {
    await flagAlan('bounced');

    expect(await clear(seeded.alan)).toMatchObject({ ok: false, message: EDIT_BEFORE_CLEARING });
    expect(await flagged()).toHaveLength(1);

    await new Promise((resolve) => setTimeout(resolve, 1100));
    await saveAlan();
    expect(await clear(seeded.alan)).toMatchObject({ ok: true, message: 'Letters can go to alan@acme.example again.' });
    expect(await flagged()).toHaveLength(0);
  });
});
