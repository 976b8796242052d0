import { expect } from '@playwright/test';
import { listEmails } from '../../tests/resend-server/client';
import type { ReceivedEmail } from '../../tests/resend-server/email-schema';
import { mailServerUrl } from './urls';

/** Mail the app sent to `address`, read where it really arrived: the Resend test server. */
export async function mailTo(address: string): Promise<ReceivedEmail[]> {
  const emails = await listEmails(mailServerUrl);
  return emails.filter((email) => email.to.includes(address));
}

/** Waits for the sign-in mail to `address` and returns the link in it. */
export async function signInLinkFor(address: string, count = 1): Promise<string> {
  let found: ReceivedEmail[] = [];
  await expect
    .poll(async () => {
      found = (await mailTo(address)).filter((m) => m.tags.some((t) => t.name === 'category' && t.value === 'sign_in'));
      return found.length;
    })
    .toBeGreaterThanOrEqual(count);
  const mail = found[count - 1];
  const match = mail.text?.match(/https?:\/\/\S+\/sign-in\/confirm\?[^\s\]]+/);
  if (!match) throw new Error(`No sign-in link in the mail to ${address}:\n${mail.text}`);
  return match[0];
}
