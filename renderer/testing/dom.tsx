// Test-only: a component mounted in happy-dom (files that use it start with
// `// @vitest-environment happy-dom`), with a user’s actions wrapped in React’s act(). Dialogs render
// into document.body through a portal: query document.body.
import { act, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface Mounted {
  container: HTMLElement;
  /** Waits for pending effects and promises (store loads, a call's answer). */
  settle(): Promise<void>;
  click(element: Element | null | undefined): Promise<void>;
  /** Types into an input or chooses a select's value, as React's onChange sees it. */
  type(element: Element | null | undefined, value: string): Promise<void>;
  unmount(): void;
}

function setNativeValue(element: HTMLInputElement | HTMLSelectElement, value: string) {
  const proto = Object.getPrototypeOf(element) as object;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  setter?.call(element, value);
}

export async function mount(ui: ReactElement): Promise<Mounted> {
  const container = document.createElement('div');
  document.body.append(container);
  let root: Root | undefined;
  await act(async () => {
    root = createRoot(container);
    root.render(ui);
  });
  const settle = () => act(async () => new Promise<void>((r) => setTimeout(r, 0)));
  const need = <T extends Element>(element: T | null | undefined): T => {
    if (!element) throw new Error('no such element');
    return element;
  };
  return {
    container,
    settle,
    click: async (element) => {
      const target = need(element) as HTMLElement;
      await act(async () => target.click());
      await settle();
    },
    type: async (element, value) => {
      const target = need(element) as HTMLInputElement | HTMLSelectElement;
      await act(async () => {
        setNativeValue(target, value);
        target.dispatchEvent(new Event(target.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }));
      });
    },
    unmount: () => {
      act(() => root?.unmount());
      container.remove();
    },
  };
}
