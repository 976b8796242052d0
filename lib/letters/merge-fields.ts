/**
 * The facts a letter template may use, and where a person fills each in when
 * it is missing. Templates can name only these: anything else in braces is
 * refused when a template is saved, and never looked up on any object.
 */
export const MERGE_FIELDS = {
  'contact.firstName': { label: 'The contact’s first name', fillIn: 'the contact’s name, on their contact page' },
  'contact.name': { label: 'The contact’s full name', fillIn: 'the contact’s name, on their contact page' },
  company: { label: 'The company', fillIn: 'the company, on the application' },
  position: { label: 'The position', fillIn: 'the position, on the application' },
  'interview.date': { label: 'The interview’s date', fillIn: 'the date, on the interview' },
  'interview.round': { label: 'The interview’s round', fillIn: 'the round, on the interview' },
  impression: { label: 'What impressed you most', fillIn: '“What impressed you most?”, on the interview' },
  'me.name': { label: 'Your name', fillIn: 'your full name, in Settings' },
  'me.signature': { label: 'Your closing and signature', fillIn: 'your closing and signature, in Settings' },
} as const;

export type MergeField = keyof typeof MERGE_FIELDS;

export function isMergeField(name: string): name is MergeField {
  return Object.prototype.hasOwnProperty.call(MERGE_FIELDS, name);
}

/** The facts for one letter; null or blank means not known yet. */
export type LetterFacts = Partial<Record<MergeField, string | null>>;
