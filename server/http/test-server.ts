// Test support: the real assistant over the shared test index of the corpus (built once for the whole
// suite, see indexer/build/test-index.ts), served by @hono/node-server on a free port.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedLexicalIndex } from '../../indexer/build/test-index.ts';
import { serverConfigFromEnv, type ServerConfig } from '../../indexer/config/server-config.ts';
import type { Assistant } from '../core/types.ts';
import { loadAssistant } from '../node/assistant.ts';
import { createApp } from './app.ts';
import { nodeAppExtras } from '../node/app-extras.ts';
import { lagMonitor, serveApp } from '../node/serve.ts';

export interface TestIndex {
  assistant: Assistant;
  /** The shared index: read it, never write to it. */
  dir: string;
  /** Nothing to remove: the shared index outlives the test file (callers' teardown calls it all the same). */
  remove(): Promise<void>;
}

/** The real assistant over the corpus indexed lexical-only. */
export async function buildTestIndex(): Promise<TestIndex> {
  const dir = await sharedLexicalIndex();
  return { assistant: await loadAssistant(dir), dir, remove: async () => undefined };
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
