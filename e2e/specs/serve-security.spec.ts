import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '../fixtures';

// Serve mode in a real browser: what the browser holds after opening VirtDesk must be worthless to
// any other server on 127.0.0.1, and malformed URLs must not take VirtDesk down.

test('no other local server receives the API token, and a reload keeps the app working', async ({ app }) => {
  const { page } = app;
  await expect(page.getByRole('button', { name: 'Add connection' }).first()).toBeVisible();
  expect(page.url()).not.toContain('token');
  const token = await page.evaluate(() => sessionStorage.getItem('virtdesk-serve-token'));
  expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

  // Another web server on this machine (another user's, say): the browser visits it.
  const seen: IncomingHttpHeaders[] = [];
  const other = createServer((req, res) => {
    seen.push(req.headers);
    res.end('<title>elsewhere</title>');
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  try {
    await page.goto(`http://127.0.0.1:${(other.address() as AddressInfo).port}/`);
    await expect(page).toHaveTitle('elsewhere');
    expect(seen.length).toBeGreaterThan(0);
    expect(JSON.stringify(seen)).not.toContain(token!);
    expect(seen.filter((headers) => headers.cookie !== undefined)).toEqual([]);
  } finally {
    other.close();
  }
  expect(await page.context().cookies()).toEqual([]);

  // Back on VirtDesk, a reload still reaches the API (the token lives in this tab's session storage).
  await page.goBack();
  await page.reload();
  await page.getByRole('button', { name: 'Add connection' }).first().click();
  await expect(page.getByRole('dialog', { name: 'Add connection' })).toBeVisible();
  await expect(page.getByText('Connection to the VirtDesk backend lost')).toHaveCount(0);
});

test('a page opening malformed VirtDesk URLs does not take it down', async ({ app }) => {
  const { page } = app;
  const origin = new URL(page.url()).origin;
  for (const path of ['//', '/\\', '//x:99999']) {
    const response = await page.request.get(`${origin}${path}`, { failOnStatusCode: false });
    expect(response.status(), path).toBe(400);
  }
  // The browser itself opening such a URL (a link, an <img> on any web page) in another tab.
  const tab = await page.context().newPage();
  await tab.goto(`${origin}//`).catch(() => undefined);
  await tab.close();
  await page.reload();
  await page.getByRole('button', { name: 'Add connection' }).first().click();
  await expect(page.getByRole('dialog', { name: 'Add connection' })).toBeVisible();
});
