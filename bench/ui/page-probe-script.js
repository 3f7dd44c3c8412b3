// The page probe (see page-probe.ts), plain JavaScript: it runs in the page, which the Node
// TypeScript config has no DOM types for. Installed with `window.__name` defined (tsx's keepNames).
window.__name = (f) => f;
(function probe() {
  const now = () => performance.timeOrigin + performance.now();
  const loaded = new Map();
  const listed = new Set();
  let hostsExpected = 1;
  const result = { clickAt: 0, events: [] };
  const checkAll = () => {
    if (result.allLoadedAt !== undefined || listed.size < hostsExpected) return;
    for (const host of loaded.values()) for (const ok of host.values()) if (!ok) return;
    result.allLoadedAt = now();
    requestAnimationFrame(() => (result.allLoadedFrameAt = now()));
  };
  const onMessage = (data) => {
    if (typeof data !== 'string') return;
    if (!data.includes('"domains/delta"') && !data.includes('"hosts/status"')) return;
    const message = JSON.parse(data);
    if (message.type !== 'event' || !message.payload) return;
    const payload = message.payload;
    const at = now();
    const event = { at, name: message.name ?? '', hostId: payload.hostId };
    if (message.name === 'hosts/status') event.state = payload.state;
    if (message.name === 'domains/delta') {
      event.reset = payload.reset;
      event.upserts = payload.upsert?.length ?? 0;
      let host = loaded.get(payload.hostId);
      if (!host || payload.reset) loaded.set(payload.hostId, (host = new Map()));
      if (payload.reset && (payload.upsert?.length ?? 0) > 0) listed.add(payload.hostId);
      for (const d of payload.upsert ?? [])
        host.set(d.uuid, d.detailsLoaded === true || host.get(d.uuid) === true);
      for (const uuid of payload.remove ?? []) host.delete(uuid);
      checkAll();
    }
    result.events.push(event);
  };
  const Native = window.WebSocket;
  class ProbedSocket extends Native {
    constructor(url, protocols) {
      super(url, protocols);
      this.addEventListener('message', (e) => onMessage(e.data));
    }
  }
  window.WebSocket = ProbedSocket;
  const isVmRow = (node) =>
    node instanceof Element &&
    (node.matches('[role=row][aria-level="2"]') || node.querySelector('[role=row][aria-level="2"]') !== null);
  new MutationObserver((records) => {
    if (result.firstRowAt !== undefined || result.clickAt === 0) return;
    for (const record of records)
      for (const node of record.addedNodes)
        if (isVmRow(node)) {
          result.firstRowAt = now();
          requestAnimationFrame(() => (result.firstRowFrameAt = now()));
          return;
        }
  }).observe(document, { childList: true, subtree: true });
  window.__vdProbe = {
    result,
    start(hosts) {
      hostsExpected = hosts;
      loaded.clear();
      listed.clear();
      Object.assign(result, {
        clickAt: now(),
        firstRowAt: undefined,
        firstRowFrameAt: undefined,
        allLoadedAt: undefined,
        allLoadedFrameAt: undefined,
        events: [],
      });
    },
    click(names, expectHosts, restart) {
      const buttons = names.map((name) => {
        const row = [...document.querySelectorAll('[role=row][aria-level="1"]')].find(
          (r) => r.getAttribute('aria-label') === name,
        );
        const button = [...(row ? row.querySelectorAll('button') : [])].find(
          (b) => b.textContent === 'Connect',
        );
        if (!button) throw new Error(`no Connect button on host row ${name}`);
        return button;
      });
      if (restart) this.start(expectHosts);
      for (const button of buttons) button.click();
    },
    settled(hostIds) {
      return hostIds.every((id) =>
        result.events.some(
          (e) =>
            e.name === 'hosts/status' && e.hostId === id && (e.state === 'connected' || e.state === 'failed'),
        ),
      );
    },
    filter(text) {
      const input = document.querySelector('.list-filters input[type=search]');
      if (!input) throw new Error('no Filter input');
      const body = document.querySelector('.list-body');
      const before = body?.innerHTML;
      return new Promise((resolve) => {
        const t0 = performance.now();
        const observer = new MutationObserver(() => {
          if (body?.innerHTML === before) return;
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - t0));
        });
        observer.observe(document, { childList: true, subtree: true, characterData: true });
        const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
        setter.call(input, text);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
    },
    rowText(name, text) {
      return new Promise((resolve) => {
        const check = () => {
          const row = [...document.querySelectorAll('[role=row][aria-level="2"]')].find(
            (r) => r.getAttribute('aria-label') === name,
          );
          if (row?.textContent?.includes(text)) {
            observer.disconnect();
            requestAnimationFrame(() => resolve(now()));
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(document, { childList: true, subtree: true, characterData: true });
        check();
      });
    },
  };
})();
