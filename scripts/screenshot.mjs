import { chromium } from '@playwright/test';
const [,, url, out, w='1280', h='900'] = process.argv;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-dev-shm-usage','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'] });
const p = await b.newPage({ viewport: { width: +w, height: +h } });
await p.goto(url); await p.waitForLoadState('networkidle');
await p.screenshot({ path: out, fullPage: true }); await b.close();
