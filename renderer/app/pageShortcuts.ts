import { useEffect, useRef } from 'react';

const SEQUENCE_MS = 1200;

export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) || el.isContentEditable;
}

/**
 * One plain key for an action of the page on screen ("p" records a payment on a client page). It
 * stays quiet while the user types, while a dialog is open, and when the key ends a "g" sequence of
 * the navigation shortcuts ("g p" goes to Plans, it must not also open the payment form).
 */
export function usePageShortcut(key: string, action: () => void, enabled = true): void {
  const run = useRef(action);
  run.current = action;
  useEffect(() => {
    if (!enabled) return;
    let lastG = 0;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || isTyping(e.target)) return;
      const k = e.key.toLowerCase();
      const afterG = Date.now() - lastG < SEQUENCE_MS;
      lastG = k === 'g' ? Date.now() : 0;
      if (k !== key || afterG || document.querySelector('[role="dialog"]')) return;
      e.preventDefault();
      run.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [key, enabled]);
}

/**
 * Enter or ↓ in a search box moves into its results: focus goes to the first element matching
 * `selector` (a row button or link), so the clerk types, presses ↓ and opens with Enter.
 */
export function intoResults(e: { key: string; nativeEvent?: { isComposing?: boolean }; preventDefault(): void }, selector: string): void {
  if ((e.key !== 'ArrowDown' && e.key !== 'Enter') || e.nativeEvent?.isComposing) return;
  const first = document.querySelector<HTMLElement>(selector);
  if (!first) return;
  e.preventDefault();
  first.focus();
}

/** ↓ / ↑ between the rows of a result list (each row focusable); ↑ on the first goes back to `back`. */
export function betweenResults(e: { key: string; currentTarget: HTMLElement; preventDefault(): void }, selector: string, back?: HTMLElement | null): void {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  const all = [...document.querySelectorAll<HTMLElement>(selector)];
  const i = all.indexOf(e.currentTarget);
  if (i < 0) return;
  const next = e.key === 'ArrowDown' ? all[i + 1] : i === 0 ? back : all[i - 1];
  if (!next) return;
  e.preventDefault();
  next.focus();
}
