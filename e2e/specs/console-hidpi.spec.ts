import type { Page } from '@playwright/test';
import { hostVirsh, waitForSerialText } from '../host/test-host';
import { expect, test } from '../fixtures';
import { openVmWindow } from '../pages/vm-window-page';

/**
 * HiDPI and fractional scaling: a click on the console must reach the guest at the pixel under
 * the mouse. We record the RFB PointerEvent messages noVNC sends (type 5: mask, x, y) and compare
 * them with where we clicked on the scaled canvas.
 */
async function recordPointerEvents(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const sent: Array<{ x: number; y: number }> = [];
    (globalThis as unknown as { pointerLog: () => typeof sent }).pointerLog = () => sent;
    const send = WebSocket.prototype.send;
    WebSocket.prototype.send = function (this: WebSocket, data: Parameters<WebSocket['send']>[0]) {
      const bytes =
        data instanceof ArrayBuffer
          ? new Uint8Array(data)
          : ArrayBuffer.isView(data)
            ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
            : undefined;
      if (bytes && bytes.length === 6 && bytes[0] === 5)
        sent.push({ x: (bytes[2]! << 8) | bytes[3]!, y: (bytes[4]! << 8) | bytes[5]! });
      return send.call(this, data);
    };
  });
}

declare function pointerLog(): Array<{ x: number; y: number }>;

for (const scale of [1, 2, 1.25]) {
  test.describe(`at devicePixelRatio ${scale}`, () => {
    test.use({ deviceScaleFactor: scale });

    test.afterEach(async () => {
      await hostVirsh(['destroy', 'vd-tiny']);
    });

    test('a click lands on the guest pixel under the mouse, scaled to fit or 1:1', async ({
      app,
      testHost,
    }) => {
      await recordPointerEvents(app.page);
      // A narrow window, so "fit" really scales the 720×400 screen down (by a fractional factor).
      await app.page.setViewportSize({ width: 640, height: 800 });
      await app.page.reload();
      await app.connectTestHost(testHost);
      await hostVirsh(['start', 'vd-tiny']);
      await waitForSerialText('vd-tiny', 'SeaBIOS', 60_000);
      const win = await openVmWindow(app, 'vd-tiny');
      await win.expectRenderedScreen();
      expect(
        await app.page.evaluate(
          () => (globalThis as unknown as { devicePixelRatio: number }).devicePixelRatio,
        ),
      ).toBe(scale);
      const canvas = win.screen().locator('canvas').first();

      for (const mode of ['Fit to window', '1:1']) {
        await win.root.getByLabel('Scaling').selectOption({ label: mode });
        const box = (await canvas.boundingBox())!;
        if (mode === 'Fit to window') expect(box.width).toBeLessThan(700);
        const size = await canvas.evaluate((c: { width: number; height: number }) => ({
          width: c.width,
          height: c.height,
        }));
        for (const [fx, fy] of [
          [0.5, 0.5],
          [0.25, 0.75],
        ] as const) {
          await app.page.evaluate(() => (pointerLog().length = 0));
          await app.page.mouse.click(box.x + box.width * fx, box.y + box.height * fy);
          await expect.poll(() => app.page.evaluate(() => pointerLog().length)).toBeGreaterThan(0);
          const last = await app.page.evaluate(() => pointerLog().at(-1)!);
          expect(Math.abs(last.x - size.width * fx), `${mode}: x`).toBeLessThanOrEqual(2);
          expect(Math.abs(last.y - size.height * fy), `${mode}: y`).toBeLessThanOrEqual(2);
        }
      }
    });
  });
}
