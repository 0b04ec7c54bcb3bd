/**
 * Saves bytes the core generated as a file through an <a download> of a Blob URL: the browser shows
 * its download, and Electron turns it into a save dialog (will-download), so one path serves both.
 */
export function saveBytes(fileName: string, mime: string, bytes: Uint8Array | string): void {
  const blob = new Blob([bytes as BlobPart], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // revoking at once can cancel the download in some engines; a minute is plenty
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** base64 (as `exports.*` returns files) → bytes. */
export function base64Bytes(base64: string): Uint8Array {
  const bin = atob(base64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function saveBase64(file: { fileName: string; mime: string; base64: string }): void {
  saveBytes(file.fileName, file.mime, base64Bytes(file.base64));
}

/** Bytes as a human reads them: 479 KB, 12.3 MB. */
export function formatBytes(n: number, locale: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: u === 0 ? 0 : 1 }).format(v)} ${units[u]}`;
}
