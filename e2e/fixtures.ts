import { test as base, expect } from '@playwright/test';
import { appUrl } from './helpers/urls';
import { seedUser, type SeededUser } from './helpers/db';

/**
 * `user` is a freshly seeded person whose session cookie is already in the
 * browser: specs that are not about signing in start from here.
 */
export const test = base.extend<{ user: SeededUser; contentSecurityPolicy: void }>({
  // Every journey runs under the production security headers; a script,
  // style or frame they block is a failure, not a console line nobody reads.
  contentSecurityPolicy: [
    async ({ page }, provide) => {
      const refused: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) refused.push(message.text());
      });
      await provide();
      expect(refused, 'blocked by the Content-Security-Policy').toEqual([]);
    },
    { auto: true },
  ],
  // Playwright's `use` renamed: React's lint rule takes any `use(...)` call for the React hook.
  user: async ({ context }, provide) => {
    const user = await seedUser();
    await context.addCookies([
      {
        name: 'authjs.session-token',
        value: user.sessionToken,
        url: appUrl,
        httpOnly: true,
        sameSite: 'Lax',
      },
    ]);
    await provide(user);
  },
});

export { expect };
