import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Action, Lesson } from '../src/lessons/lesson';
import { test, expect } from './fixtures';

/** The button text the player shows for an action. */
function label(a: Action): string {
  if (a.label) return a.label;
  if ('run' in a) return `Run: ${a.run}`;
  if ('apply' in a) return 'Apply the YAML';
  if ('wait' in a) return `Wait ${a.wait}`;
  return 'Put the YAML in the editor';
}

for (const file of ['01-cluster-at-a-glance.yaml', '04-deployments.yaml', '06-node-failure.yaml']) {
  test(`lesson ${file} plays through the player to its completion screen`, async ({
    app,
    page,
  }) => {
    test.setTimeout(180_000);
    // The file as written (lessons:check has validated it); the player must show what it says.
    const text = readFileSync(join(import.meta.dirname, '..', 'lessons', file), 'utf8');
    const lesson = parse(text) as Lesson;
    await app.goto();
    page.on('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Lessons', exact: true }).click();
    await page
      .getByRole('button', {
        name: new RegExp(lesson.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
      })
      .click();
    const panel = page.getByRole('region', { name: 'Inspector panel' });
    for (const [i, step] of lesson.steps.entries()) {
      await expect(panel.getByRole('heading', { name: step.title })).toBeVisible();
      const correct = step.predict?.choices.find((c) => c.correct);
      if (correct) await panel.getByRole('radio', { name: correct.text }).check();
      const actions = step.actions?.length ? step.actions : [];
      for (const a of actions) {
        await panel
          .getByRole('button', { name: label(a), exact: true })
          .first()
          .click();
        await expect(
          panel.getByRole('button', { name: label(a), exact: true }).first(),
        ).toBeEnabled();
        // YAML placed into the editor is applied by the student, with the editor's Apply.
        if ('editor' in a) await app.applyButton().click();
      }
      if (step.solution && (step.goals?.length ?? 0) > 0 && actions.length === 0) {
        await panel.getByRole('button', { name: 'Show the solution' }).click();
        for (const a of step.solution) {
          await panel
            .getByRole('button', { name: label(a), exact: true })
            .last()
            .click();
          await expect(
            panel.getByRole('button', { name: label(a), exact: true }).last(),
          ).toBeEnabled();
        }
      }
      const next = panel.getByRole('button', {
        name: i === lesson.steps.length - 1 ? 'Finish' : 'Next',
      });
      // Goals are judged as virtual time runs; drive it rather than wait for animation.
      for (let t = 0; t < 40 && !(await next.isEnabled()); t++) await app.advance(15_000);
      await expect(next).toBeEnabled();
      if (correct) await expect(panel.getByText('that is what happened')).toBeVisible();
      await next.click();
    }
    await expect(
      panel.getByRole('heading', { name: `Lesson complete: ${lesson.title}` }),
    ).toBeVisible();
    await panel.getByRole('button', { name: 'Back to the sandbox' }).click();
  });
}

test('a broken lesson file gets one clear error naming the field and line', async ({
  app,
  page,
}) => {
  await app.goto();
  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  const broken = readFileSync(
    join(import.meta.dirname, '..', 'src', 'lessons', 'fixtures', 'broken.yaml'),
  );
  await page
    .getByLabel('Open a lesson file')
    .setInputFiles({ name: 'broken.yaml', mimeType: 'text/yaml', buffer: broken });
  const alert = page.locator('pre.error');
  await expect(alert).toContainText('broken.yaml is not a valid lesson');
  await expect(alert).toContainText(/line \d+, column \d+/);
  await expect(page.getByRole('button', { name: 'Apply', exact: true })).toBeVisible();
});

test('leaving a lesson brings the sandbox back untouched', async ({ app, page }) => {
  await app.goto();
  await app.kubectl('kubectl create deployment mine --image=nginx');
  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  await page.getByRole('button', { name: /The cluster at a glance/ }).click();
  await expect.poll(() => app.kubectl('kubectl get deploy -o name')).toBe('');
  await page.getByRole('button', { name: 'Sandbox', exact: true }).click();
  await expect.poll(() => app.kubectl('kubectl get deploy -o name')).toBe('deployment.apps/mine\n');
});

test('presenter mode: the flow maximised, no editor, clicker keys move through a lesson', async ({
  app,
  page,
}) => {
  await app.page.goto('/?lesson=cluster-at-a-glance');
  await page.waitForFunction(() => window.wheelhouse !== undefined);
  const panel = page.getByRole('region', { name: 'Inspector panel' });
  await expect(panel.getByRole('heading', { name: 'Look around' })).toBeVisible();
  await page.getByRole('button', { name: 'Presenter' }).click();
  await expect(page.getByRole('region', { name: 'Editor' }).first()).toBeHidden();
  await page.locator('header h1').click();
  await page.keyboard.press('PageDown');
  await expect(panel.getByRole('heading', { name: 'Look around' })).toBeHidden();
  await page.keyboard.press('PageUp');
  await expect(panel.getByRole('heading', { name: 'Look around' })).toBeVisible();
});

test('a lesson from another origin is refused with a message', async ({ app, page }) => {
  await app.page.goto('/?lesson=https://example.com/evil.yaml');
  await page.waitForFunction(() => window.wheelhouse !== undefined);
  await expect(page.locator('p.error')).toContainText('Lessons open only from this site');
  await expect(app.nodeCards()).toHaveCount(3);
});
