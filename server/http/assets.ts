// Static assets, compiled into the bundle as strings: nothing is ever read from disk, so no URL can
// reach a file (../package.json and friends fall through to the JSON 404).
import { Hono } from 'hono';
import type { AppEnv } from './context.ts';
import { PAGE_CSS } from './styles.ts';
import { WIDGET_JS } from './widget.ts';

const CACHE = 'public, max-age=300';

export function assetRoutes(): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get('/styles.css', (c) => c.body(PAGE_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': CACHE }))
    .get('/widget.js', (c) =>
      c.body(WIDGET_JS, 200, {
        'Content-Type': 'text/javascript; charset=utf-8',
        'Cache-Control': CACHE,
        // Other sites embed the widget with a <script> tag: let them load it.
        'Cross-Origin-Resource-Policy': 'cross-origin',
      }),
    );
}
