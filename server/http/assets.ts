// Static assets held in memory: nothing is read from disk at a URL's say, so no URL can reach a file
// (../package.json and friends fall through to the 404). The widget is the bundle built at start-up
// (widget/bundle.ts), named by its content hash: a changed widget is a new ETag, an unchanged one a 304.
import { Hono } from 'hono';
import type { AppEnv } from './context.ts';
import { PAGE_CSS } from './styles.ts';
import type { WidgetBundle } from './widget/bundle.ts';

const CACHE = 'public, max-age=300';

export function assetRoutes(widget: WidgetBundle | undefined): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
    .get('/styles.css', (c) => c.body(PAGE_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': CACHE }))
    // Pages we do not render ourselves (the API reference) make browsers ask for one: the site has no icon.
    .get('/favicon.ico', (c) => c.body(null, 204, { 'Cache-Control': 'public, max-age=86400' }));
  if (!widget) return app;
  return app.get('/widget.js', (c) => {
    const headers = {
      'Cache-Control': 'public, max-age=300, must-revalidate',
      ETag: widget.etag,
      // Other sites embed the widget with a <script> tag: let them load it.
      'Cross-Origin-Resource-Policy': 'cross-origin',
    };
    const match = c.req.header('if-none-match');
    if (match && match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === widget.etag)) return c.body(null, 304, headers);
    return c.body(widget.js, 200, { ...headers, 'Content-Type': 'text/javascript; charset=utf-8' });
  });
}
