// The actor of a duty question in the corpus's language: an English actor ("data administration
// department") is matched against clauses by its Chinese name.
import { isEnglishText } from '../../../indexer/language/en/detect.ts';
import { actorFromEnglish } from '../../../indexer/language/en/actors.ts';
import { ENDS_AS_ACTOR } from '../../../indexer/language/zh/actors.ts';
import type { Glossary } from '../../../indexer/format/glossary.ts';
import { bridgeEnglish } from './english/bridge.ts';

export function actorInChinese(actor: string | null, glossary: Glossary): string | null {
  if (!actor || !isEnglishText(actor)) return actor;
  const bridged = bridgeEnglish(actor, glossary).terms.find((t) => ENDS_AS_ACTOR.test(t.term));
  return actorFromEnglish(actor) ?? bridged?.term ?? null;
}
