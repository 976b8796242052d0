import { z } from 'zod';
import { emailAddress } from '@/lib/mail/address';
import { CONTACT_ROLES, type ContactRole } from '@/lib/pipeline/labels';
import { id, requiredLine } from '@/lib/validation/fields';

const ROLE_IDS = CONTACT_ROLES.map((r) => r.id) as [ContactRole, ...ContactRole[]];
const role = z.enum(ROLE_IDS, { error: 'Choose a role from the list.' });
/** A checkbox: present and "on" when ticked, absent otherwise. */
const checkbox = z
  .string()
  .optional()
  .transform((v) => v === 'on');

export const contactLinkSchema = z.object({ applicationId: id, contactId: id });

export const contactRoleSchema = contactLinkSchema.extend({ role });

export const addExistingContactSchema = z.object({
  applicationId: id,
  contactId: z.string({ error: 'Choose a contact from the list.' }).pipe(id),
  role,
  primary: checkbox,
});

export const addNewContactSchema = z.object({
  applicationId: id,
  name: requiredLine('Name', 200),
  email: emailAddress,
  role,
  primary: checkbox,
});
