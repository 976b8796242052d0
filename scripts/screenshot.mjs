import { chromium } from '@playwright/test';
const [,, url, out, w='1280', h='900'] = process.argv;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-dev-shm-usage','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'] });
const p = await b.newPage({ viewport: { width: +w, height: +h } });
// SESSION_TOKEN=… signs the page in, as the e2e fixtures do.
if (process.env.SESSION_TOKEN) await p.context().addCookies([{ name: 'authjs.session-token', value: process.env.SESSION_TOKEN, url }]);
await p.goto(url); await p.waitForLoadState('networkidle');
await p.screenshot({ path: out, fullPage: true }); await b.close();
