import { useEffect } from 'react';
import type { Area } from './router';

/** "g" then a letter goes to an area, like Gmail/GitHub: two plain keys, no clash with OS shortcuts. */
export const SHORTCUTS: Record<Area, string> = {
  today: 't',
  clients: 'c',
  invoices: 'i',
  aging: 'a',
  plans: 'p',
  letters: 'l',
  reports: 'r',
  settings: 's',
};

const SEQUENCE_MS = 1200;

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) || el.isContentEditable;
}

export function useNavigationShortcuts(go: (area: Area) => void): void {
  useEffect(() => {
    let pendingSince = 0;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      const key = e.key.toLowerCase();
      if (pendingSince && Date.now() - pendingSince < SEQUENCE_MS) {
        pendingSince = 0;
        const area = (Object.keys(SHORTCUTS) as Area[]).find((a) => SHORTCUTS[a] === key);
        if (area) {
          e.preventDefault();
          go(area);
        }
        return;
      }
      pendingSince = key === 'g' ? Date.now() : 0;
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go]);
}
