import 'server-only';
import { render, toPlainText } from '@react-email/render';
import type { ReactElement } from 'react';

/**
 * Renders a React Email template into the HTML and plain-text parts of one
 * message. Every email goes through here, so previews equal what is sent.
 */
export async function renderEmail(element: ReactElement): Promise<{ html: string; text: string }> {
  const html = await renderHtml(element);
  return { html, text: toPlainText(html) };
}

/** The HTML alone, for a letter, whose plain text is the person's own words rather than text read back out of the HTML. */
export function renderHtml(element: ReactElement): Promise<string> {
  return render(element);
}
