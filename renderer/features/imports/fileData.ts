/** A chosen file as base64 (the API carries bytes that way). A data: URL avoids building a huge string by hand. */
export function readFileAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** Offers text as a file download (works the same in Electron and the browser: no dialog API needed). */
export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // revoke later: some browsers start the download only after the click handler returns
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function fileSize(bytes: number, locale: string): string {
  const nf = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${nf.format(bytes / 1024)} KB`;
  return `${nf.format(bytes / 1024 / 1024)} MB`;
}

/** "clientes.csv" → "clientes-rechazos.csv" */
export function rejectsFileName(fileName: string, suffix: string): string {
  const base = fileName.replace(/\.[^.]+$/, '');
  return `${base}-${suffix}.csv`;
}
