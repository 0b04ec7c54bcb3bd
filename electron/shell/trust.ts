/**
 * Whether an IPC message comes from our own page: the top frame showing dist/renderer/index.html over
 * file://. Any other document (an injected iframe, a navigation that slipped through) gets no API.
 * Pure, so it is tested in Node.
 */
export function isTrustedSenderUrl(senderUrl: string | undefined | null, indexUrl: string, caseInsensitive = false): boolean {
  if (!senderUrl) return false;
  let sender: URL;
  let index: URL;
  try {
    sender = new URL(senderUrl);
    index = new URL(indexUrl);
  } catch {
    return false;
  }
  if (sender.protocol !== 'file:' || index.protocol !== 'file:') return false;
  if (sender.host !== index.host) return false; // UNC paths (file://server/…) are someone else's
  // the hash and query are the renderer's own routing state
  const a = sender.pathname;
  const b = index.pathname;
  return caseInsensitive ? a.toLowerCase() === b.toLowerCase() : a === b;
}
