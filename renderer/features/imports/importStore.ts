import { createStore } from 'zustand/vanilla';
import type { ImportOptions, ImportPreview, ImportReport } from '#shared/contract/imports';
import { fieldsOf, type ImportKind } from '#shared/domain/importFields';
import { call, onProgress } from '../../api/client';

export type ImportStep = 'choose' | 'preview' | 'rejects' | 'done';
export type ImportFile = { name: string; size: number; base64: string };
type Reading = Required<Pick<ImportOptions, 'encoding' | 'delimiter' | 'dateFormat' | 'decimal'>>;
/** field → column, null = the field is left out; sent whole because it replaces the detected mapping */
export type Mapping = Record<string, number | null>;

export type ImportState = {
  step: ImportStep;
  kind: ImportKind;
  file: ImportFile | null;
  reading: Reading;
  mapping: Mapping | null;
  preview: ImportPreview | null;
  report: ImportReport | null;
  busy: 'previewing' | 'running' | null;
  /** rows checked and written so far while running, when the transport reports it (the desktop app) */
  progress: { done: number; total: number } | null;
  /** a file-level problem (empty, binary, missing columns…) or a failed run */
  error: unknown;
  setKind(kind: ImportKind): void;
  setFile(file: ImportFile | null): void;
  /** step 1 → 2: reads the file without writing anything */
  check(): Promise<boolean>;
  setReading(change: Partial<Reading>): Promise<void>;
  /** the answer when the core could not decide the decimal mark: read the file again with it */
  chooseDecimal(decimal: '.' | ','): Promise<boolean>;
  setColumn(field: string, column: number | null): Promise<void>;
  goTo(step: ImportStep): void;
  run(partial: boolean): Promise<void>;
  reset(kind?: ImportKind): void;
};

const AUTO: Reading = { encoding: 'auto', delimiter: 'auto', dateFormat: 'auto', decimal: 'auto' };

/** Every field of the kind, mapped or explicitly null, with `column` moved to `field` (one column, one field). */
export function remap(kind: ImportKind, current: Record<string, number>, field: string, column: number | null): Mapping {
  const out: Mapping = {};
  for (const f of fieldsOf(kind)) out[f.field] = current[f.field] ?? null;
  if (column !== null) for (const f of Object.keys(out)) if (out[f] === column) out[f] = null;
  out[field] = column;
  return out;
}

/**
 * The import wizard. Nothing is written until `run`; every change of reading or mapping asks the core
 * for a new preview of the same bytes, and answers to an older request are dropped.
 */
export function createImportStore() {
  let generation = 0;
  return createStore<ImportState>()((set, get) => {
    function request() {
      const { kind, file, reading, mapping } = get();
      if (!file) throw new Error('no file chosen');
      const options: ImportOptions = { ...reading, ...(mapping ? { mapping } : {}) };
      return { kind, fileName: file.name, dataBase64: file.base64, options };
    }

    async function preview(): Promise<boolean> {
      const gen = ++generation;
      set({ busy: 'previewing', error: null });
      try {
        const preview = await call('imports.preview', request());
        if (gen !== generation) return false;
        set({ preview, busy: null });
        return true;
      } catch (error) {
        if (gen === generation) set({ busy: null, error });
        return false;
      }
    }

    const fresh = (kind: ImportKind) => ({
      step: 'choose' as const,
      kind,
      file: null,
      reading: AUTO,
      mapping: null,
      preview: null,
      report: null,
      busy: null,
      error: null,
      progress: null,
    });

    return {
      ...fresh('clients'),
      setKind(kind) {
        generation++;
        set({ kind, mapping: null, preview: null, error: null, busy: null });
      },
      setFile(file) {
        generation++;
        set({ file, reading: AUTO, mapping: null, preview: null, error: null, busy: null });
      },
      async check() {
        const ok = await preview();
        if (ok) set({ step: 'preview' });
        return ok;
      },
      async setReading(change) {
        set({ reading: { ...get().reading, ...change } });
        await preview();
      },
      async chooseDecimal(decimal) {
        set({ reading: { ...get().reading, decimal } });
        return get().check();
      },
      async setColumn(field, column) {
        const { kind, preview: p, mapping } = get();
        const current: Record<string, number> = {};
        for (const [f, c] of Object.entries(mapping ?? p?.mapping ?? {})) if (c !== null) current[f] = c;
        set({ mapping: remap(kind, current, field, column) });
        await preview();
      },
      goTo(step) {
        set({ step, error: null });
      },
      async run(partial) {
        generation++;
        set({ busy: 'running', error: null, progress: null });
        const off = onProgress((p) => {
          if (p.method === 'imports.run') set({ progress: { done: p.done, total: p.total } });
        });
        try {
          const report = await call('imports.run', { ...request(), partial, dryRun: false });
          set({ report, busy: null, step: 'done' });
        } catch (error) {
          set({ busy: null, error });
        } finally {
          off();
          set({ progress: null });
        }
      },
      reset(kind) {
        generation++;
        set(fresh(kind ?? get().kind));
      },
    };
  });
}

export type ImportStore = ReturnType<typeof createImportStore>;
