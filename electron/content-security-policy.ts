/**
 * The Content-Security-Policy main.ts sets on every response its windows load. Packaged, the
 * renderer is files and scripts come only from them. Under `npm start` it comes from electron-vite's
 * dev server, whose React Refresh preamble is an inline script (blocked, the window stays blank)
 * and whose hot reload is a WebSocket to the dev server: both allowed then, and only then, as
 * renderer/vite.config.ts does for the browser's dev server.
 */
export function contentSecurityPolicy(devServerUrl?: string): string {
  const dev = devServerUrl ? new URL(devServerUrl) : undefined;
  const scripts = dev ? "'self' 'unsafe-inline'" : "'self'";
  const connect = ["'self'", 'ws://127.0.0.1:*', ...(dev ? [`ws://${dev.host}`] : [])].join(' ');
  return (
    `default-src 'self'; script-src ${scripts}; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; ` +
    `connect-src ${connect}; object-src 'none'; base-uri 'none'; frame-ancestors 'none'`
  );
}
