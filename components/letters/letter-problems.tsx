import Link from 'next/link';
import type { LetterProblem } from '@/lib/letters/plan';

/**
 * What stops a letter, each with a link to where it is put right. `about`
 * names the letter for screen readers where a page lists several.
 */
export function LetterProblems({ problems, about }: { problems: LetterProblem[]; about?: string }) {
  if (problems.length === 0) return null;
  return (
    <ul className="list-disc space-y-1 pl-5 text-sm text-red-800">
      {problems.map((problem) => (
        <li key={problem.message}>
          {problem.message}{' '}
          {problem.href && (
            <Link href={problem.href} className="font-medium underline">
              Fill it in
              {about && <span className="sr-only"> ({about})</span>}
            </Link>
          )}
        </li>
      ))}
    </ul>
  );
}
