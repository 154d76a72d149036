// Test support: the real assistant over a real index built from the corpus in a temporary directory,
// served by @hono/node-server on a free port.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildIndex } from '../../indexer/build/build.ts';
import { indexConfigFromEnv } from '../../indexer/config/index-config.ts';
import { serverConfigFromEnv, type ServerConfig } from '../../indexer/config/server-config.ts';
import type { Assistant } from '../core/types.ts';
import { loadAssistant } from '../node/assistant.ts';
import { createApp } from './app.ts';
import { nodeAppExtras } from '../node/app-extras.ts';
import { lagMonitor, serveApp } from '../node/serve.ts';

export interface TestIndex {
  assistant: Assistant;
  dir: string;
  remove(): Promise<void>;
}

export async function buildTestIndex(): Promise<TestIndex> {
  const dir = await mkdtemp(join(tmpdir(), 'regqa-http-'));
  const result = await buildIndex({ config: { ...indexConfigFromEnv({}), corpusDir: 'corpus', outDir: dir, model: null } });
  if (result.status === 'failed') throw new Error(`test index not built: ${JSON.stringify(result.issues)}`);
  return { assistant: await loadAssistant(dir), dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Limits generous enough that only the tests that lower them ever meet them. */
export const testConfig = (overrides: Partial<ServerConfig> = {}): ServerConfig => ({
  ...serverConfigFromEnv({ LOG_REQUESTS: '0', RATE_LIMIT_PER_MIN: '100000', RATE_LIMIT_BURST: '100000', FEEDBACK_DB: ':memory:' }),
  ...overrides,
});

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

/** `corpusDir`: where confirmed questions are logged (questions.jsonl); tests pass a temporary copy. */
export async function startServer(assistant: Assistant, config: ServerConfig = testConfig(), corpusDir?: string): Promise<TestServer> {
  const extras = await nodeAppExtras(config, corpusDir ?? (await mkdtemp(join(tmpdir(), 'regqa-log-'))));
  const lag = lagMonitor();
  const server = await serveApp(createApp(assistant, config, { ...extras, lagMs: lag.lagMs }), { ...config, port: 0, host: '127.0.0.1' });
  return {
    url: `http://127.0.0.1:${server.port}`,
    close: async () => {
      lag.stop();
      await server.shutdown(0);
      extras.close();
    },
  };
}
