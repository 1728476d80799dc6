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

  editor(): Locator {
    return this.page.getByRole('textbox', { name: 'YAML editor' });
  }

  /** Replaces the active editor tab's text, as a paste would. */
  async setEditorText(text: string): Promise<void> {
    // Monaco arrives lazily and replaces the plain textarea; type into it once it is there.
    const monaco = this.page.locator('.monaco-editor');
    await monaco.waitFor({ state: 'visible' });
    await monaco.locator('.view-lines').click();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Delete');
    await this.page.keyboard.insertText(text);
  }

  /** Returns the autosaved session's editor texts, read straight from IndexedDB. */
  async savedEditorTexts(): Promise<string[]> {
    return this.page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const open = indexedDB.open('wheelhouse');
          open.onerror = () => resolve([]);
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains('sessions')) return resolve([]);
            const get = db.transaction('sessions').objectStore('sessions').get('session');
            get.onsuccess = () => {
              const saved = get.result as { editor?: { files?: { text: string }[] } } | undefined;
              resolve(saved?.editor?.files?.map((f) => f.text) ?? []);
            };
            get.onerror = () => resolve([]);
          };
        }),
    );
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
