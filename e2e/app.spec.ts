import { test, expect } from './fixtures';

test.beforeEach(async ({ app }) => {
  await app.goto();
});

test('applying the sample Deployment runs 3 pods and numbers the hops in causal order', async ({
  app,
  page,
}) => {
  await app.pause();
  await app.applyButton().click();
  await expect(page.getByLabel('Apply output')).toHaveText('deployment.apps/web created');
  // Step through the first moments: the caption numbers only ever grow.
  const seen: number[] = [];
  for (let i = 0; i < 6; i++) {
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    for (const text of await app.captionLines().allInnerTexts())
      seen.push(Number(text.split('.')[0]));
  }
  expect(seen.length).toBeGreaterThan(5);
  expect(seen).toEqual([...seen].sort((a, b) => a - b));
  await expect(app.captionLines().first()).not.toHaveText('');
  await app.advance(10_000);
  await expect(app.podsOnNodes('Running')).toHaveCount(3);
  const state = await app.state();
  expect(state.pods.map((p) => p.status)).toEqual(['Running', 'Running', 'Running']);
});

test('the terminal runs kubectl get pods and prints the table', async ({ app }) => {
  await app.kubectl('kubectl create deployment web --image=nginx --replicas=2');
  await app.advance(10_000);
  await app.typeInTerminal('kubectl get pods');
  await expect.poll(() => app.terminalText()).toMatch(/NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE/);
  await expect
    .poll(() => app.terminalText())
    .toMatch(/web-[a-z0-9]+-[a-z0-9]{5}\s+1\/1\s+Running\s+0/);
});

test('rewinding before the apply shows no pods; stepping forward brings them back', async ({
  app,
  page,
}) => {
  await app.pause();
  await app.applyButton().click();
  await app.advance(10_000);
  await expect(app.podsOnNodes('Running')).toHaveCount(3);
  const slider = app.timeline();
  const min = Number(await slider.getAttribute('min'));
  await slider.fill(String(min));
  await expect(page.locator('button.pod')).toHaveCount(0);
  expect((await app.state()).pods).toEqual([]);
  for (let i = 0; i < 400 && (await page.locator('article.node button.pod').count()) < 3; i++)
    await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.locator('article.node button.pod')).toHaveCount(3);
});

test('a stopped node goes NotReady and its pods are replaced elsewhere', async ({ app, page }) => {
  await app.applyButton().click();
  await app.advance(10_000);
  const before = await app.state();
  const victim = before.pods.find((p) => p.node === 'node-1');
  expect(victim).toBeDefined();
  await page.getByText('Break things').click();
  await page.getByRole('combobox', { name: 'Node' }).selectOption('node-1');
  await page.getByRole('button', { name: 'Stop node' }).click();
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('100');
  await app.advance(60_000);
  await expect(page.getByRole('article', { name: /Node node-1, NotReady/ })).toBeVisible();
  await app.advance(320_000);
  const after = await app.state();
  const running = after.pods.filter((p) => p.status === 'Running');
  expect(running).toHaveLength(3);
  expect(running.every((p) => p.node !== 'node-1')).toBe(true);
});

test('with reduced motion, packets do not travel and pods do not animate in', async ({
  app,
  page,
}) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await app.pause();
  await app.applyButton().click();
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  const slider = app.timeline();
  const x = Number(await slider.inputValue());
  // Early and late in the same moment, a travelling packet would be in two places; reduced, it
  // already sits at its destination.
  const circle = page.locator('g.packet circle').first();
  await slider.fill(String(x + 100));
  const early = [await circle.getAttribute('cx'), await circle.getAttribute('cy')];
  await slider.fill(String(x + 450));
  const late = [await circle.getAttribute('cx'), await circle.getAttribute('cy')];
  expect(early).toEqual(late);
  await app.advance(10_000);
  await expect(page.locator('article.node button.pod')).toHaveCount(3);
  const animations = await page
    .locator('article.node button.pod')
    .evaluateAll((els) => els.map((e) => getComputedStyle(e).animationName));
  expect(animations).toEqual(['none', 'none', 'none']);
});

test('the inspector explains a pod: its scheduling table, events and why it exists', async ({
  app,
  page,
}) => {
  await app.applyButton().click();
  await app.advance(10_000);
  await app.pause();
  await page.locator('article.node button.pod').first().click();
  const inspector = page.getByRole('region', { name: 'Inspector', exact: true });
  await inspector.getByRole('tab', { name: 'Scheduling' }).click();
  await expect(inspector.locator('tr.chosen')).toHaveCount(1);
  await expect(inspector).toContainText('NodeResourcesFit');
  await inspector.getByRole('tab', { name: 'Describe' }).click();
  await expect(inspector.locator('pre')).toContainText(/Status:\s+Running/);
  await inspector.getByRole('tab', { name: 'Events' }).click();
  await expect(inspector).toContainText('Scheduled');
  await expect(inspector).toContainText('Started');
  await inspector.getByRole('tab', { name: 'Why' }).click();
  await expect(inspector).toContainText('It started with kubectl apply -f -');
  await page.getByRole('button', { name: 'Inspect etcd' }).click();
  await expect(inspector.locator('.etcdlog li').first()).toContainText('/registry/');
});
