/** A contact's own fields, as they are written. */
export type ContactInput = {
  name: string;
  email: string | null;
  title: string | null;
  companyId?: string | null;
  phone: string | null;
  linkedinUrl: string | null;
  notes: string | null;
};

/** A contact as the contact form edits it: the company is typed as free text; no follow-up cadence leaves it as it is. */
export type ContactFields = Omit<ContactInput, 'companyId'> & { company: string | null; followUpWeeks?: number | null };
