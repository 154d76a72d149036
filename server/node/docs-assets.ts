// The API reference viewer's files, read once from the installed swagger-ui-dist package.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DOCS_FILES, type DocsAssets, type StaticFile } from '../http/docs.ts';

const TYPES: Record<string, string> = { css: 'text/css; charset=utf-8', js: 'text/javascript; charset=utf-8' };

export function swaggerUiAssets(): DocsAssets {
  const dir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  const cache = new Map<string, Promise<StaticFile>>();
  return (name) => {
    // Only the listed files: no name can reach any other file.
    if (!(DOCS_FILES as readonly string[]).includes(name)) return Promise.resolve(null);
    let file = cache.get(name);
    if (!file) {
      file = readFile(join(dir, name), 'utf8').then((body) => ({ body, type: TYPES[name.split('.').pop()!]! }));
      cache.set(name, file);
    }
    return file;
  };
}
