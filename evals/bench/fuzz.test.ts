// The bounded fault suite's fuzzer (issue 14): a few thousand seeded random requests over every route of
// the real server. The 20k version is `npm run bench -- --only faults`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestIndex, startServer, testConfig, type TestIndex, type TestServer } from '../../server/http/test-server.ts';
import { fuzzCases, runFuzz } from './fuzz.ts';

let index: TestIndex;
let server: TestServer;
beforeAll(async () => {
  index = await buildTestIndex();
  server = await startServer(index.assistant, testConfig());
}, 60_000);
afterAll(async () => {
  await server?.close();
  await index?.remove();
});

describe('fuzzing every route', () => {
  it('never answers 5xx, and every error is the JSON envelope', async () => {
    const result = await runFuzz(server.url, fuzzCases(20261201, 3000));
    expect(result.failures.slice(0, 5)).toEqual([]);
    // The cases reach the handlers, not just the error paths.
    expect(result.statuses['200']).toBeGreaterThan(300);
    expect(result.statuses['400']).toBeGreaterThan(300);
  }, 120_000);
});
