// Child-process entry: where the server's start-up time and memory go, step by step, mirroring what
// server/main.ts does before it listens with a prebuilt index (imports, jieba, index load, app, first
// /healthz). Prints one JSON line: [{ step, ms, rssBytes }].
// Usage: node --import tsx evals/bench/startup-probe.ts INDEX_DIR
import { performance } from 'node:perf_hooks';

const indexDir = process.argv[2];
if (!indexDir) throw new Error('usage: startup-probe.ts INDEX_DIR');

const steps: { step: string; ms: number; rssBytes: number }[] = [];
let last = performance.now();
const mark = (step: string) => {
  const now = performance.now();
  steps.push({ step, ms: now - last, rssBytes: process.memoryUsage().rss });
  last = now;
};

// performance.now() counts from process start: this is node plus the tsx loader.
steps.push({ step: 'node + tsx loader, to first line', ms: last, rssBytes: process.memoryUsage().rss });
// The same modules server/main.ts imports, third-party frameworks first so their cost is their own.
await import('@hono/node-server');
await import('@hono/zod-openapi');
mark('import hono, zod-openapi, node-server');
await import('../../indexer/build/build.ts');
await import('../../indexer/build/lint.ts');
mark('import indexer/build.ts (staleness check; glossary and embedder load lazily)');
const { createApp } = await import('../../server/http/app.ts');
const { serverConfigFromEnv } = await import('../../indexer/config/server-config.ts');
const { loadAssistant } = await import('../../server/node/assistant.ts');
mark('import server modules (compiled by tsx)');
const { jiebaSegmenter } = await import('../../indexer/build/segment.ts');
jiebaSegmenter();
mark('jieba.load() (nodejs-jieba dictionaries)');
const assistant = await loadAssistant(indexDir, { warn: () => {} });
mark('loadAssistant (read + verify + parse the index)');
const app = createApp(assistant, serverConfigFromEnv({ LOG_REQUESTS: '0' }));
mark('createApp');
const res = await app.request('/healthz');
mark(`first /healthz (${res.status})`);
console.log(JSON.stringify(steps));
