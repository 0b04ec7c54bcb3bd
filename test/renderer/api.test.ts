import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiError } from '#shared/contract/index';
import { ApiClientError, call, errorMessage, onDatabaseError, onProgress, setTransport } from '../../renderer/api/client';
import { detectTransport, httpTransport } from '../../renderer/api/transport';
import '../../renderer/i18n/index';

afterEach(() => setTransport(null));

describe('api client', () => {
  it('resolves with the data of an ok result and sends method and input unchanged', async () => {
    const transport = vi.fn(async () => ({ ok: true as const, data: { rows: [], total: 0 } }));
    setTransport(transport);
    await expect(call('clients.list', { search: 'andina' })).resolves.toEqual({ rows: [], total: 0 });
    expect(transport).toHaveBeenCalledWith('clients.list', { search: 'andina' });
  });

  it('throws ApiClientError carrying the ApiError, with field errors by path', async () => {
    setTransport(async () => ({
      ok: false,
      error: {
        code: 'validation',
        key: 'validation.failed',
        message: 'Revise los campos marcados.',
        issues: [
          { path: 'email', key: 'validation.email', message: 'No es un correo válido.' },
          { path: 'code', key: 'validation.required', message: 'Este campo es obligatorio.' },
        ],
      },
    }));
    const err = await call('clients.create', { code: '', name: 'X' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiClientError);
    const e = err as ApiClientError;
    expect(e.code).toBe('validation');
    expect(e.message).toBe('Revise los campos marcados.');
    expect(e.fieldErrors()).toEqual({ email: 'No es un correo válido.', code: 'Este campo es obligatorio.' });
    // re-rendered from the key in the UI's language, whatever language the core answered in
    expect(e.fieldErrors('en')).toEqual({ email: 'This is not a valid e-mail address.', code: 'This field is required.' });
    expect(errorMessage(e, 'en')).toBe('Please check the highlighted fields.');
  });

  it('keeps the core message when the key is not in the catalogues', async () => {
    setTransport(async () => ({ ok: false, error: { code: 'internal', key: 'error.something_new', message: 'Mensaje del núcleo' } }));
    const e = await call('settings.get', {}).catch((x: unknown) => x);
    expect(errorMessage(e, 'en')).toBe('Mensaje del núcleo');
  });

  it('turns a transport that throws into a typed internal error', async () => {
    setTransport(async () => {
      throw new Error('socket hang up');
    });
    const e = (await call('system.info', {}).catch((x: unknown) => x)) as ApiClientError;
    expect(e).toBeInstanceOf(ApiClientError);
    expect(e.code).toBe('internal');
    expect(errorMessage(e, 'es')).toContain('socket hang up');
  });

  it('tells listeners about database errors (corrupt or newer file)', async () => {
    const seen = vi.fn();
    const off = onDatabaseError(seen);
    setTransport(async () => ({ ok: false, error: { code: 'database', key: 'error.db.corrupt', params: { detail: 'SQLITE_CORRUPT' }, message: 'dañado' } }));
    await expect(call('system.info', {})).rejects.toBeInstanceOf(ApiClientError);
    off();
    expect(seen).toHaveBeenCalledWith(expect.objectContaining({ code: 'database' }));
  });
});

describe('http transport', () => {
  it('posts JSON to /api/<method>, authenticated by the session cookie, never a token in the page', async () => {
    const fetchImpl = vi.fn(async () => new Response(JSON.stringify({ ok: true, data: 1 }), { status: 200 }));
    const result = await httpTransport(fetchImpl as unknown as typeof fetch)('clients.get', { id: 3 });
    expect(result).toEqual({ ok: true, data: 1 });
    expect(fetchImpl).toHaveBeenCalledWith('/api/clients.get', expect.objectContaining({ method: 'POST', body: '{"id":3}', credentials: 'same-origin' }));
    const init = (fetchImpl.mock.calls[0] as unknown as [string, RequestInit])[1];
    expect(init.headers).toEqual({ 'content-type': 'application/json' });
  });

  it('maps an HTTP failure to an error result, never throws', async () => {
    const fetchImpl = vi.fn(async () => new Response('oops', { status: 500 }));
    const result = await httpTransport(fetchImpl as unknown as typeof fetch)('clients.get', { id: 3 });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal', key: 'ui.error.transport', params: { detail: 'HTTP 500' } } });
  });

  it('says how to get back in when the server no longer knows this browser (401)', async () => {
    const fetchImpl = vi.fn(async () => new Response('missing or wrong token', { status: 401 }));
    const result = await httpTransport(fetchImpl as unknown as typeof fetch)('clients.get', { id: 3 });
    expect(result).toMatchObject({ ok: false, error: { key: 'ui.error.session' } });
    expect(errorMessage(new ApiClientError((result as { error: ApiError }).error), 'es')).toMatch(/npm run web/);
  });

  it('passes on a typed refusal from the server (a body over the limit), so the user reads why', async () => {
    const error = { code: 'validation', key: 'error.http.too_large', params: { max: 45 }, message: 'too large' };
    const fetchImpl = vi.fn(async () => new Response(JSON.stringify({ ok: false, error }), { status: 413 }));
    expect(await httpTransport(fetchImpl as unknown as typeof fetch)('imports.preview', {})).toEqual({ ok: false, error });
  });

  it('is chosen when the page carries the cartera-transport meta', () => {
    expect(detectTransport()).toBeNull();
    document.head.insertAdjacentHTML('beforeend', '<meta name="cartera-transport" content="http">');
    expect(detectTransport()).toBeTypeOf('function');
    document.head.querySelectorAll('meta[name^="cartera-"]').forEach((m) => m.remove());
  });
});

describe('progress pushed by the desktop app', () => {
  it('passes well-formed progress events to listeners until they unsubscribe', () => {
    let push: (payload: unknown) => void = () => {};
    let unsubscribed = false;
    window.cartera = {
      invoke: async () => ({ ok: true, data: null }),
      on: (_channel, listener) => {
        push = listener;
        return () => {
          unsubscribed = true;
        };
      },
      platform: 'test',
    };
    const got: unknown[] = [];
    const off = onProgress((p) => got.push(p));
    push({ method: 'imports.run', done: 1000, total: 4000 });
    push({ nonsense: true });
    push({ method: 'imports.run', done: 1, total: 0 });
    off();
    delete window.cartera;
    expect(got).toEqual([{ method: 'imports.run', done: 1000, total: 4000 }]);
    expect(unsubscribed).toBe(true);
  });

  it('is silent in the browser, where nothing can push', () => {
    const off = onProgress(() => {
      throw new Error('never called');
    });
    expect(typeof off).toBe('function');
    off();
  });
});
