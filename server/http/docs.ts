// /docs: the API reference, Swagger UI (through @hono/swagger-ui) over /openapi.json. Its assets are the
// swagger-ui-dist package's files, served from this server (not a CDN), so the page works offline;
// the start-up script is a file too, because the CSP allows no inline script.
import { swaggerUI } from '@hono/swagger-ui';
import { Hono } from 'hono';
import type { AppEnv } from './context.ts';

export interface StaticFile {
  body: string;
  type: string;
}

/** The viewer's files by name (swagger-ui.css, swagger-ui-bundle.js); Node reads them from node_modules. */
export type DocsAssets = (name: string) => Promise<StaticFile | null>;

export const DOCS_FILES = ['swagger-ui.css', 'swagger-ui-bundle.js'] as const;

const INIT_JS = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true, defaultModelsExpandDepth: 0 });
});`;

export function docsRoutes(assets: DocsAssets | undefined): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  if (!assets) return app;
  app.get(
    '/docs',
    swaggerUI({
      title: 'regqa API reference',
      url: '/openapi.json',
      manuallySwaggerUIHtml: () =>
        `<div id="swagger-ui"></div>` +
        `<link rel="stylesheet" href="/docs/assets/swagger-ui.css">` +
        `<script src="/docs/assets/swagger-ui-bundle.js"></script>` +
        `<script src="/docs/init.js"></script>`,
    }),
  );
  app.get('/docs/init.js', (c) => c.body(INIT_JS, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=300' }));
  app.get('/docs/assets/:name', async (c) => {
    const file = await assets(c.req.param('name'));
    if (!file) return c.notFound();
    return c.body(file.body, 200, { 'Content-Type': file.type, 'Cache-Control': 'public, max-age=86400' });
  });
  return app;
}
