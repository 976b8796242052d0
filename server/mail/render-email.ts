import 'server-only';
import { render, toPlainText } from '@react-email/render';
import type { ReactElement } from 'react';

/**
 * Renders a React Email template into the HTML and plain-text parts of one
 * message. Every email goes through here, so previews equal what is sent.
 */
export async function renderEmail(element: ReactElement): Promise<{ html: string; text: string }> {
  const html = await render(element);
  const text = toPlainText(html);
  return { html, text };
}
