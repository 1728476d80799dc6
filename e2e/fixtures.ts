import { test as base, expect } from '@playwright/test';
import { WheelhousePage } from './pages/WheelhousePage';

// Every spec runs on a page that records Content-Security-Policy violations, page errors and
// console errors, and fails the test if any happened.

export const test = base.extend<{ app: WheelhousePage }>({
  app: async ({ page, baseURL }, use) => {
    const problems: string[] = [];
    await page.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        w.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI}`),
      );
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
    });
    page.on('request', (r) => {
      const url = r.url();
      if (!url.startsWith(baseURL ?? '') && !url.startsWith('blob:') && !url.startsWith('data:'))
        problems.push(`off-origin request: ${url}`);
    });
    const app = new WheelhousePage(page);
    await use(app);
    const csp = await page
      .evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])
      .catch(() => []);
    expect([...problems, ...csp.map((c) => `CSP violation: ${c}`)]).toEqual([]);
  },
});

export { expect };
