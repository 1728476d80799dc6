import { test, expect } from './fixtures';

const BROKEN = 'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: broken';

test('malformed YAML: a marker at its line, the message shown, nothing applied, text kept on reload', async ({
  app,
  page,
}) => {
  await app.goto();
  await app.setEditorText(BROKEN);
  await app.applyButton().click();
  await expect(page.getByLabel('Apply output')).toContainText(
    'yaml: line 4, column 1: found character that cannot start any token',
  );
  await expect(page.getByText(/^4:1 found character that cannot start any token/)).toBeVisible();
  expect((await app.kubectl('kubectl get pods')).trim()).toBe(
    'No resources found in default namespace.',
  );
  await expect
    .poll(async () => (await app.savedEditorTexts()).some((t) => t.includes('\tname: broken')))
    .toBe(true);
  await page.reload();
  await app.goto();
  await expect(page.getByRole('region', { name: 'Editor' }).first()).toContainText('name: broken');
});

test('a share link reopens the same session in a new tab', async ({ app, page, context }) => {
  await app.goto();
  await app.kubectl('kubectl create deployment web --image=nginx --replicas=2');
  await app.advance(10_000);
  await page.getByRole('button', { name: 'Share' }).click();
  const url = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  expect(url).toMatch(/#s1\./);
  const other = await context.newPage();
  await other.goto(url);
  await other.waitForFunction(() => window.wheelhouse !== undefined);
  await expect
    .poll(
      async () =>
        (await other.evaluate(() => window.wheelhouse?.state()))?.pods.filter(
          (p) => p.status === 'Running',
        ).length,
    )
    .toBe(2);
  expect(await other.evaluate(() => location.hash)).toBe('');
  await other.close();
});

test('a broken share link says so and keeps the local session', async ({ app, page }) => {
  await app.goto();
  await app.setEditorText('# my work');
  await expect.poll(() => app.savedEditorTexts()).toContain('# my work');
  // Pasted into the address bar of the open page: only the fragment changes.
  await page.goto('/#s1.this-is-not-a-session');
  await expect(page.locator('p.error')).toContainText('This link');
  expect(await page.evaluate(() => location.hash)).toBe('');
  await expect(page.getByRole('region', { name: 'Editor' }).first()).toContainText('# my work');
});

test('opening a share link sets the student’s own session aside and can go back to it', async ({
  app,
  page,
  context,
}) => {
  await app.goto();
  await app.kubectl('kubectl create deployment mine --image=nginx');
  await app.setEditorText('# mine');
  await expect.poll(() => app.savedEditorTexts()).toContain('# mine');
  const other = await context.newPage();
  await other.goto('/');
  await other.waitForFunction(() => window.wheelhouse !== undefined);
  // The second tab opens the same autosave; it becomes someone else's session by changing it.
  await other.evaluate(async () => {
    await window.wheelhouse?.kubectl('kubectl delete deployment mine');
    await window.wheelhouse?.kubectl('kubectl create deployment theirs --image=nginx');
  });
  await other.getByRole('button', { name: 'Share' }).click();
  const url = await other.getByRole('textbox', { name: 'Share link' }).inputValue();
  await other.close();
  await page.goto(url);
  await expect
    .poll(() => app.kubectl('kubectl get deploy -o name'))
    .toBe('deployment.apps/theirs\n');
  await page.getByRole('button', { name: 'Back to my session' }).click();
  await expect.poll(() => app.kubectl('kubectl get deploy -o name')).toBe('deployment.apps/mine\n');
});
