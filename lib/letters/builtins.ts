import type { LetterTemplateSource } from './fill';
import type { LetterKind } from './kinds';

/**
 * The letters the source document calls for, in Afterword's own words.
 * A person may edit each (their copy is a letter_templates row with
 * builtin_kind set) and reset it to this text.
 */
export type BuiltinTemplate = LetterTemplateSource & { kind: LetterKind; name: string; description: string };

export const BUILTIN_TEMPLATES: Record<LetterKind, BuiltinTemplate> = {
  interview_thanks: {
    kind: 'interview_thanks',
    name: 'Thank-you after an interview',
    description: 'To the primary contact, with a copy to everyone else you met. Best sent within 24 hours.',
    subject: 'Thank you for the {{position}} interview',
    body: `Dear {{contact.firstName}},

Thank you for taking the time to meet with me on {{interview.date}} for the {{interview.round}} about the {{position}} role at {{company}}. I enjoyed our conversation and learning more about the team.

What impressed me most about the position was {{impression}}.

I am keen to continue the conversation, and I am happy to provide anything else that would help.

{{me.signature}}`,
  },
  rejection_thanks: {
    kind: 'rejection_thanks',
    name: 'Thank-you after a rejection',
    description: 'One letter to each person you met. It keeps the door open for another role at the same company.',
    subject: 'Thank you, {{contact.firstName}}',
    body: `Dear {{contact.firstName}},

Thank you for letting me know your decision about the {{position}} role. I enjoyed meeting you and your colleagues at {{company}}, and I would be fortunate to work with people like you.

What impressed me most about the position was {{impression}}.

I will follow up from time to time and keep checking {{company}}'s openings for another role where I could help.

{{me.signature}}`,
  },
  follow_up: {
    kind: 'follow_up',
    name: 'Follow-up check-in',
    description: 'A short, periodic note to stay in touch with someone you met.',
    subject: 'Checking in from {{me.name}}',
    body: `Dear {{contact.firstName}},

I hope you are well. It has been a little while since we spoke about the {{position}} role at {{company}}, and I wanted to check in.

I am still very interested in {{company}}, and I would be glad to hear about any openings where I could contribute.

Thank you again for your time.

{{me.signature}}`,
  },
  feedback_request: {
    kind: 'feedback_request',
    name: 'Asking for feedback',
    description: 'After a rejection: a short, gracious request for what would have made the difference.',
    subject: 'A quick question about the {{position}} role',
    body: `Dear {{contact.firstName}},

Thank you again for considering me for the {{position}} role at {{company}}. I was sorry not to go further, and I respect the decision.

If you have a few minutes, I would value any feedback on my application or interviews: what stood out, and what would have made me a stronger candidate. Even a sentence or two would help me a great deal.

Either way, I hope our paths cross again.

{{me.signature}}`,
  },
};

export const letterKindLabel = (kind: LetterKind) => BUILTIN_TEMPLATES[kind].name;
