import type { Occasion } from '@/lib/letters/occasion';
import { occasionQuery } from '@/lib/letters/occasion-query';

function names(people: { name: string }[]) {
  return people.map((p) => p.name).join(', ');
}

/** "To Ada, copy to Bob and Cy" for one letter, or "One letter each to …" when separate. */
export function recipientsInWords(primary: { name: string } | null, others: { name: string }[], separateByDefault: boolean) {
  const everyone = primary ? [primary, ...others] : others;
  if (everyone.length === 0) return 'Nobody to write to yet: add the people you met.';
  if (separateByDefault) return everyone.length === 1 ? `To ${everyone[0].name}.` : `One letter each to ${names(everyone)}.`;
  if (!primary) return `Met: ${names(others)}. Choose a primary contact to send one letter with copies.`;
  return others.length ? `To ${primary.name}, with a copy to ${names(others)}.` : `To ${primary.name}.`;
}

/** Where an occasion's letter is previewed and edited before sending. */
export const composeHref = (occasion: Occasion) => `/letters/new?${occasionQuery(occasion)}`;
