import 'server-only';
import { LetterEmail } from '@/emails/letter';
import { type LetterWords, paragraphsOf } from '@/lib/letters/fill';
import { renderHtml } from '@/server/mail/render-email';

export type RenderedLetter = { subject: string; html: string; text: string };

/**
 * The one renderer of letters, for the in-app preview and for the mail that
 * is sent, so what is previewed is what is sent. The plain-text part is the
 * person's own words, paragraph by paragraph.
 */
export async function renderLetter(words: LetterWords): Promise<RenderedLetter> {
  const paragraphs = paragraphsOf(words.body);
  const html = await renderHtml(LetterEmail({ subject: words.subject, paragraphs }));
  const text = paragraphs.map((lines) => lines.join('\n')).join('\n\n') + '\n';
  return { subject: words.subject, html, text };
}
