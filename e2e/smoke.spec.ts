import { expect, test } from '@playwright/test';

// The built site loads from static files with no errors and makes no request off its origin.

test('the page loads without errors or off-origin requests', async ({ page, baseURL }) => {
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('request', (r) => {
    if (!r.url().startsWith(baseURL ?? '')) problems.push(`off-origin request: ${r.url()}`);
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Wheelhouse' })).toBeVisible();
  expect(problems).toEqual([]);
});
