export const INTERVIEW_KIND_IDS = ['phone_screen', 'video', 'onsite', 'panel', 'final'] as const;
export type InterviewKind = (typeof INTERVIEW_KIND_IDS)[number];

export const CONTACT_ROLE_IDS = ['interviewer', 'recruiter', 'hiring_manager', 'referrer'] as const;
export type ContactRole = (typeof CONTACT_ROLE_IDS)[number];

export const INTERVIEW_KINDS: readonly { id: InterviewKind; label: string }[] = [
  { id: 'phone_screen', label: 'Phone screen' },
  { id: 'video', label: 'Video call' },
  { id: 'onsite', label: 'On-site' },
  { id: 'panel', label: 'Panel' },
  { id: 'final', label: 'Final round' },
];

export const CONTACT_ROLES: readonly { id: ContactRole; label: string }[] = [
  { id: 'interviewer', label: 'Interviewer' },
  { id: 'recruiter', label: 'Recruiter' },
  { id: 'hiring_manager', label: 'Hiring manager' },
  { id: 'referrer', label: 'Referrer' },
];

export const interviewKindLabel = (kind: InterviewKind) => INTERVIEW_KINDS.find((k) => k.id === kind)?.label ?? kind;
export const contactRoleLabel = (role: ContactRole) => CONTACT_ROLES.find((r) => r.id === role)?.label ?? role;
