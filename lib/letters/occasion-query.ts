import type { Occasion } from './occasion';

/**
 * The query string that reopens an occasion on the compose page. It lives
 * apart from the occasion's zod fields, so a page can build the link in the
 * browser without loading zod there.
 */
export function occasionQuery(occasion: Occasion): string {
  const params = new URLSearchParams({ occasion: occasion.occasion });
  for (const key of ['interviewId', 'applicationId', 'contactId', 'followUpPlan'] as const) {
    const value = occasion[key];
    if (value) params.set(key, value);
  }
  return params.toString();
}
