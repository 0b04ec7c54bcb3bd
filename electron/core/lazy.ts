/**
 * The big libraries, loaded on first use (dynamic import) in the CLI, the app and the web server alike:
 * `cartera --help`, opening a book or answering the aging screen never pays for ExcelJS (~0.3 s),
 * pdfmake (~0.2 s), csv-parse, iconv-lite or fflate. Each loads once; a failed load is retried next time.
 */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | null = null;
  return () =>
    (p ??= load().catch((e: unknown) => {
      p = null;
      throw e;
    }));
}

export const loadExcelJS = once(async () => (await import('exceljs')).default);
export const loadCsvParse = once(async () => (await import('csv-parse/sync')).parse);
export const loadIconv = once(async () => (await import('iconv-lite')).default);
export const loadFflate = once(() => import('fflate'));
export const loadHolidays = once(async () => (await import('date-holidays')).default);
