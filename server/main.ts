// npm start [-- --index DIR]: bring the index up to date, load the assistant, serve the app on Node.
//
// Without --index / INDEX_DIR the default index is rebuilt from the corpus whenever it is missing or stale
// (a no-op when up to date). An index named explicitly is served as built — it may come from another
// corpus, such as STARD — unless CORPUS_DIR is set too, which says which corpus to keep it in step with.
//
// This process serves and handles its own signals: SIGTERM or SIGINT drains requests in progress within
// SHUTDOWN_GRACE_MS and exits; a second signal exits at once.
import { buildIndex } from '../indexer/build/build.ts';
import { formatLintTable } from '../indexer/build/lint.ts';
import { IndexRootNotWritable } from '../indexer/build/lock.ts';
import { runCommand } from '../indexer/config/command.ts';
import { envWithFlags, keepsIndexInStep } from '../indexer/config/env.ts';
import { indexConfigFromEnv } from '../indexer/config/index-config.ts';
import { serverConfigFromEnv } from '../indexer/config/server-config.ts';
import { currentVersionDir } from '../indexer/format/node-files.ts';
import { createApp } from './http/app.ts';
import { nodeAppExtras } from './node/app-extras.ts';
import { loadAssistant } from './node/assistant.ts';
import { lagMonitor, serveApp } from './node/serve.ts';

const USAGE = 'usage: npm start -- [--index DIR]   (env: PORT, HOST, INDEX_DIR, CORPUS_DIR, CORS_ORIGINS, RATE_LIMIT_PER_MIN, …)';
/** After listening, the segmenter's dictionary loads once the first health checks have been answered. */
const WARM_UP_DELAY_MS = 1_000;

runCommand(USAGE, { index: { type: 'string' } }, async (args) => {
  const env = envWithFlags(args);
  const server = serverConfigFromEnv(env);
  const index = indexConfigFromEnv(env);

  if (keepsIndexInStep(env)) {
    const result = await buildIndex({ config: index, log: (line) => console.log(line) }).catch(async (error: unknown) => {
      // A read-only deployment still serves the index it was shipped with.
      if (!(error instanceof IndexRootNotWritable) || !(await currentVersionDir(index.outDir).catch(() => null))) throw error;
      console.warn(`warning: ${error.message}; serving the index as it is`);
      return null;
    });
    if (result?.status === 'failed') {
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

  const extras = await nodeAppExtras(server, index.corpusDir);
  if (server.adminToken === null) console.log('Feedback review (/review) is off: set ADMIN_TOKEN (16+ characters) to enable it.');
  const lag = lagMonitor();
  const app = createApp(assistant, server, { ...extras, lagMs: lag.lagMs });
  const http = await serveApp(app, server).catch((error: NodeJS.ErrnoException) => {
    throw new Error(error.code === 'EADDRINUSE' ? `port ${server.port} on ${server.host} is already in use (set PORT to another port)` : error.message);
  });
  console.log(`regqa listening on http://${server.host}:${http.port}`);
  setTimeout(() => assistant.warmUp(), WARM_UP_DELAY_MS).unref();

  await new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      console.log(`${signal}: finishing requests in progress (at most ${server.shutdownGraceMs} ms), then exiting`);
      process.once(signal, () => process.exit(1));
      lag.stop();
      void http.shutdown(server.shutdownGraceMs).then(() => {
        extras.close();
        resolve();
      });
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
});
