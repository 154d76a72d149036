// npm start [-- --index DIR]: bring the index up to date, load the assistant, serve the app on Node.
//
// Without --index / INDEX_DIR the default index is rebuilt from the corpus whenever it is missing or stale
// (a no-op when up to date). An index named explicitly is served as built — it may come from another
// corpus, such as STARD — unless CORPUS_DIR is set too, which says which corpus to keep it in step with.
import { buildIndex } from '../indexer/build/build.ts';
import { runCommand } from '../indexer/config/command.ts';
import { envWithFlags, keepsIndexInStep } from '../indexer/config/env.ts';
import { indexConfigFromEnv } from '../indexer/config/index-config.ts';
import { formatLintTable } from '../indexer/build/lint.ts';
import { serverConfigFromEnv } from '../indexer/config/server-config.ts';
import { createApp } from './http/app.ts';
import { serveApp } from './http/node-serve.ts';
import { loadAssistant } from './node/assistant.ts';

const USAGE = 'usage: npm start -- [--index DIR]   (env: PORT, HOST, INDEX_DIR, CORPUS_DIR, CORS_ORIGINS, RATE_LIMIT_PER_MIN, …)';

runCommand(USAGE, { index: { type: 'string' } }, async (args) => {
  const env = envWithFlags(args);
  const server = serverConfigFromEnv(env);
  const index = indexConfigFromEnv(env);

  if (keepsIndexInStep(env)) {
    const result = await buildIndex({ config: index, log: (line) => console.log(line) });
    if (result.status === 'failed') {
      console.error(formatLintTable(result.issues, process.stdout.columns ?? 160));
      console.error('Index not built: fix the fatal problems above (npm run index -- --check).');
      return 1;
    }
  } else {
    console.log(`Serving the index in ${index.outDir} as built (set CORPUS_DIR to rebuild it from a corpus).`);
  }

  const assistant = await loadAssistant(index.outDir);
  const health = assistant.health();
  console.log(
    `Index built ${health.builtAt}: ${health.counts.regulations} regulations, ${health.counts.articles} articles; ` +
      (health.dense ? `dense retrieval on (${health.model})` : `lexical-only (${health.denseNote})`),
  );

  const app = createApp(assistant, server);
  const httpServer = serveApp(app, { port: server.port, hostname: server.host }, (info) => {
    console.log(`regqa listening on http://${server.host}:${info.port}`);
  });
  await new Promise<void>((resolve, reject) => {
    const stop = () => httpServer.close(() => resolve());
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    httpServer.once('error', (error: NodeJS.ErrnoException) =>
      reject(new Error(error.code === 'EADDRINUSE' ? `port ${server.port} on ${server.host} is already in use (set PORT to another port)` : error.message)),
    );
  });
  return 0;
});
