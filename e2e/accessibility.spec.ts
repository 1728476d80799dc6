import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
]) {
  test(`no serious or critical axe violations, screenshots at ${viewport.width}×${viewport.height}`, async ({
    app,
    page,
  }, testInfo) => {
    await page.setViewportSize(viewport);
    await app.goto();
    await page.screenshot({
      path: testInfo.outputPath(`start-${viewport.width}x${viewport.height}.png`),
    });
    await app.applyButton().click();
    await app.advance(3_000);
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.screenshot({
      path: testInfo.outputPath(`applied-${viewport.width}x${viewport.height}.png`),
    });
    await page.locator('article.node button.pod').first().click();
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
      [],
    );
  });
}

test('keyboard: Space plays and pauses, arrows step', async ({ app, page }) => {
  await app.goto();
  await page.locator('header h1').click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await app.applyButton().click();
  await page.locator('header h1').click();
  const before = Number(await app.timeline().inputValue());
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => Number(await app.timeline().inputValue())).toBeGreaterThan(before);
  const after = Number(await app.timeline().inputValue());
  await page.keyboard.press('ArrowLeft');
  await expect.poll(async () => Number(await app.timeline().inputValue())).toBeLessThan(after);
});
