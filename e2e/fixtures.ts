import { test as base, expect } from '@playwright/test';
import { appUrl } from './helpers/urls';
import { seedUser, type SeededUser } from './helpers/db';

/**
 * `user` is a freshly seeded person whose session cookie is already in the
 * browser: specs that are not about signing in start from here.
 */
export const test = base.extend<{ user: SeededUser }>({
  // The callback is not named `use`: the React hooks lint rule would take it for React's use().
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
