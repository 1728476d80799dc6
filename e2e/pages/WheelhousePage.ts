import { expect, type Locator, type Page } from '@playwright/test';
import type { WheelhouseState } from '../../src/app/automation';

/** The page as a student uses it, plus window.wheelhouse for driving virtual time. */
export class WheelhousePage {
  constructor(readonly page: Page) {}

  /** Opens the app and waits until the simulated cluster has booted. */
  async goto(path = '/'): Promise<void> {
    await this.page.goto(path);
    await this.page.waitForFunction(() => window.wheelhouse !== undefined);
    await expect(this.nodeCards()).toHaveCount(3);
  }

  applyButton(): Locator {
    return this.page.getByRole('button', { name: 'Apply', exact: true });
  }

  nodeCards(): Locator {
    return this.page.locator('article.node');
  }

  /** Pod tiles in the cluster view's node cards with a given STATUS text. */
  podsOnNodes(status: string): Locator {
    return this.page.locator(`article.node button.pod[data-status="${status}"]`);
  }

  captionLines(): Locator {
    return this.page.locator('.caption .lines li');
  }

  timeline(): Locator {
    return this.page.getByRole('slider', { name: 'Timeline' });
  }

  /** Runs virtual time forward through the automation API (never by waiting on animation). */
  async advance(ms: number): Promise<void> {
    await this.page.evaluate((n) => window.wheelhouse?.advance(n), ms);
  }

  async kubectl(cmd: string): Promise<string> {
    return this.page.evaluate((c) => window.wheelhouse?.kubectl(c) ?? '', cmd);
  }

  async state(): Promise<WheelhouseState> {
    const s = await this.page.evaluate(() => window.wheelhouse?.state());
    if (!s) throw new Error('window.wheelhouse is missing');
    return s;
  }

  async pause(): Promise<void> {
    const pause = this.page.getByRole('button', { name: 'Pause' });
    if (await pause.isVisible()) await pause.click();
  }

  /** Types a line into the terminal and presses Enter. */
  async typeInTerminal(line: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'kubectl' }).focus();
    await this.page.keyboard.type(line);
    await this.page.keyboard.press('Enter');
  }

  /** Returns the terminal's visible text. */
  async terminalText(): Promise<string> {
    return (await this.page.locator('.xterm-rows').innerText()).replace(/\u00a0/g, ' ');
  }
}
