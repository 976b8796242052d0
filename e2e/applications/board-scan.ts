import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * Each page, on a desktop and on a phone: no axe violations, and nothing
 * wider than the screen (the board scrolls inside its own area, so even it
 * must not widen the page).
 */
export async function expectAccessibleAndFitting(page: Page, paths: string[]) {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    await page.setViewportSize(viewport);
    for (const path of paths) {
      await page.goto(path);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${path} @${viewport.width}: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} @${viewport.width} overflows sideways`).toBeLessThanOrEqual(0);
    }
  }
}
