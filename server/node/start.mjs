// npm start: build the server bundle if it is missing or stale, then run it in this same process, so
// that the process a user starts is the one that serves and receives SIGTERM (npm → node, no loader
// child to orphan). Flags are server/main.ts's: npm start -- --index DIR.
import { pathToFileURL } from 'node:url';
import { ensureBundle } from './bundle.mjs';

await import(pathToFileURL(await ensureBundle()).href);
