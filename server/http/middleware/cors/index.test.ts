// The CORS middleware on its own: the headers of simple requests (set in place on the handler's response,
// errors included) and preflights.
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { cors } from './index.ts';

function appWith(origins: string[]) {
  const app = new Hono();
  app.use(cors(origins));
  app.get('/ok', (c) => c.json({ ok: true }));
  app.get('/fails', () => {
    throw new Error('boom');
  });
  app.onError((_, c) => c.json({ error: 'internal' }, 500));
  return app;
}

describe('cors', () => {
  it('names an allowed origin, varies on Origin, and leaves the body alone', async () => {
    const app = appWith(['https://example.gov.cn']);
    const allowed = await app.request('/ok', { headers: { Origin: 'https://example.gov.cn' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://example.gov.cn');
    expect(allowed.headers.get('vary')).toBe('Origin');
    expect(await allowed.json()).toEqual({ ok: true });
    const other = await app.request('/ok', { headers: { Origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect(other.headers.get('vary')).toBe('Origin');
    const failed = await app.request('/fails', { headers: { Origin: 'https://example.gov.cn' } });
    expect(failed.status).toBe(500);
    expect(failed.headers.get('access-control-allow-origin')).toBe('https://example.gov.cn');
  });

  it('allows any origin with *, without Vary', async () => {
    const res = await appWith(['*']).request('/ok', { headers: { Origin: 'https://anywhere.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('vary')).toBeNull();
  });

  it('answers preflights for allowed origins only', async () => {
    const app = appWith(['https://example.gov.cn']);
    const preflight = (origin: string) => app.request('/ok', { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' } });
    const ok = await preflight('https://example.gov.cn');
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://example.gov.cn');
    expect(ok.headers.get('access-control-allow-methods')).toBe('GET,POST');
    expect(ok.headers.get('access-control-max-age')).toBe('600');
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
  });
});
