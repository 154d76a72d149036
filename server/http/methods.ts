// Which methods a path answers to, for 405 + Allow instead of a misleading 404.
import type { RouterRoute } from 'hono/types';

const patterns = new WeakMap<readonly RouterRoute[], { method: string; re: RegExp }[]>();

function compile(routes: readonly RouterRoute[]) {
  return routes
    .filter((r) => r.method !== 'ALL')
    .map((r) => ({
      method: r.method,
      re: new RegExp(`^${r.path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:\w+(?:\\\{[^}]*\\\})?/g, '[^/]+').replace(/\*/g, '.*')}$`),
    }));
}

export function allowedMethods(routes: readonly RouterRoute[], path: string): string[] {
  let compiled = patterns.get(routes);
  if (!compiled) patterns.set(routes, (compiled = compile(routes)));
  const methods = new Set(compiled.filter((r) => r.re.test(path)).map((r) => r.method));
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}
