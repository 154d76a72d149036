// What the Node server gives the app beyond the assistant: the widget bundle, the API reference's
// files, the feedback database and the corpus's question log. Used by npm start and by the tests.
import { join } from 'node:path';
import type { ServerConfig } from '../../indexer/config/server-config.ts';
import type { AppExtras } from '../http/app.ts';
import { openFeedbackStore } from '../http/feedback/store.ts';
import { widgetBundle } from '../http/widget/bundle.ts';
import { swaggerUiAssets } from './docs-assets.ts';
import { openSqlite } from './feedback-sqlite.ts';
import { questionLogFile } from './question-log.ts';

export interface NodeExtras extends AppExtras {
  close(): void;
}

export async function nodeAppExtras(config: ServerConfig, corpusDir: string): Promise<NodeExtras> {
  const db = config.feedbackDb === null ? null : openSqlite(config.feedbackDb);
  return {
    widget: await widgetBundle(),
    docsAssets: swaggerUiAssets(),
    ...(db && { feedback: await openFeedbackStore(db) }),
    questionLog: questionLogFile(join(corpusDir, 'questions.jsonl')),
    nextTurn: (run) => void setImmediate(run),
    close: () => db?.close(),
  };
}
