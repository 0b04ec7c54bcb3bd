/**
 * "The open book changed": from Settings → Books here, or from the app's File menu (the main process
 * sends 'book:changed'). The app answers by replacing every store with a fresh set, so nothing read
 * from the previous book can be shown against the new one.
 */
const listeners = new Set<() => void>();

export function bookChanged(): void {
  listeners.forEach((l) => l());
}

export function onBookChanged(listener: () => void): () => void {
  listeners.add(listener);
  const bridge = typeof window === 'undefined' ? undefined : window.cartera;
  const off = bridge ? bridge.on('book:changed', () => listener()) : () => {};
  return () => {
    listeners.delete(listener);
    off();
  };
}
