import { expect, test as base } from '@playwright/test';
import { test } from '../fixtures';

test('every page is served with the security headers and its scripts carry that response’s nonce', async ({ page, request, user }) => {
  for (const path of ['/sign-in', '/dashboard']) {
    const response = await page.goto(path);
    // Signed in: the dashboard itself, not a redirect to sign-in.
    if (path === '/dashboard') await expect(page.getByRole('banner').getByText(user.name!)).toBeVisible();
    const headers = response!.headers();
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('same-origin');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['permissions-policy']).toContain('camera=()');
    const policy = headers['content-security-policy'];
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('unsafe-eval');
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    // Every script Next wrote into the page has this response's nonce.
    const scripts = await page.locator('script').evaluateAll((all) => all.map((s) => (s as HTMLScriptElement).nonce));
    expect(scripts.length).toBeGreaterThan(0);
    expect(new Set(scripts)).toEqual(new Set([nonce]));
  }
  // Files and API answers are not pages, but still say what they are.
  const health = await request.get('/api/health');
  expect(health.headers()['x-content-type-options']).toBe('nosniff');
});

test('the signed-in pages with forms ask for nothing the policy refuses, not even an eval a library only probes for', async ({ page, user }) => {
  // Chrome puts such a refusal in its Issues panel, not in the console the
  // fixture reads; the page's own violation events report every one, there.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`Content Security Policy refused ${event.violatedDirective}: ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`),
    );
  });
  for (const [path, title] of [
    ['/settings', 'Settings'],
    ['/templates/new', 'New template'],
    ['/dashboard', 'What is due'],
  ]) {
    await page.goto(path, { waitUntil: 'load' });
    await expect(page.getByRole('heading', { name: title, exact: true })).toBeVisible();
    await expect(page.getByRole('banner').getByText(user.name!)).toBeVisible();
    // The page's scripts have all run (zod's probe runs as its module loads); a refusal is reported as a task of its own.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
  }
});

base('a script that got into a page’s markup does not run', async ({ page }) => {
  const refused: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  // As if a value had slipped into the HTML unescaped: the server's own
  // answer, headers and all, with a script of the attacker's added.
  await page.route('**/sign-in', async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace('</body>', '<script>window.injected = true</script></body>');
    await route.fulfill({ response, body: html });
  });
  await page.goto('/sign-in');
  await expect(page.getByRole('button', { name: 'Email me a sign-in link' })).toBeVisible();
  await expect.poll(() => refused.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
});
