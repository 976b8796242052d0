/** What a person types about an application: the new-application form, the edit form and each imported row. */
export type ApplicationInput = {
  company: string;
  companyWebsite?: string | null;
  position: string;
  jobUrl: string | null;
  location: string | null;
  source: string | null;
  appliedOn: string | null;
  notes: string | null;
};
