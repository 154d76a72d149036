// Duty statements in a clause: who (主体), how binding (应当/必须/不得/可以/负责/鼓励/支持), what.
// Pure functions over clause text; the officials' page and "who must…" answers are built on them.
import { sentences } from '../../../indexer/language/text.ts';
import { ACTOR_SUFFIX, ENDS_AS_ACTOR } from '../../../indexer/language/zh/actors.ts';
import { BINDING_MODALITIES, type Modality } from '../../../indexer/language/zh/modality.ts';

export interface DutyStatement {
  /** As written; '' when the clause leaves it implicit (鼓励企业… is the government speaking). */
  actor: string;
  modality: Modality;
  action: string;
  sentence: string;
  /** Stated by making the actor the subject, without 负责 or a modal verb: a particular duty, not its remit. */
  implicit?: true;
}

const BINDING = new RegExp(`(${BINDING_MODALITIES.join('|')})`);
const ENCOURAGING = /^((?:鼓励|支持|引导)(?:和(?:鼓励|支持|引导))?)/;
// Statutes also assign duties by making the actor the subject of an action, with no modal verb:
// 省人民政府数据主管部门会同能源等有关部门建立…, 数据主管部门在具体承担数据管理工作中履行…. The actor is
// the shortest opening phrase that names one and is followed by a verb (or a phrase that leads to one).
const DUTY_VERBS =
  '会同|按照|依照|依法|根据|结合|在|对|统筹|组织|推动|推进|指导|督促|牵头|负责|建立|建设|开展|制定|编制|加强|协调|完善|落实|履行|承担|培育|促进|提供|实施|做好|保障|征集|发布';
const SUBJECT = new RegExp(`^([^，,：:；;。、]{2,40}?${ACTOR_SUFFIX})(?=(?:${DUTY_VERBS}))`);

export function extractDuties(clause: string): DutyStatement[] {
  const out: DutyStatement[] = [];
  for (const sentence of sentences(clause)) {
    const statement = dutyOf(sentence);
    if (statement) out.push(statement);
  }
  return out;
}

function dutyOf(sentence: string): DutyStatement | null {
  const body = sentence.replace(/^[（(][一二三四五六七八九十]+[）)]/, '');
  const encouraging = ENCOURAGING.exec(body);
  if (encouraging) {
    const modality: Modality = encouraging[1]!.startsWith('支持') ? '支持' : '鼓励';
    return { actor: '', modality, action: trimEnd(body), sentence };
  }
  const binding = BINDING.exec(body);
  if (binding) {
    const before = body.slice(0, binding.index);
    // "对承载个人信息的数据，…应当…": only the phrase after the last comma can be the actor.
    const actor = before.split(/[，,：:]/).at(-1)!.trim();
    if (ENDS_AS_ACTOR.test(actor) && actor.length <= 40) {
      return { actor, modality: binding[1] as Modality, action: trimEnd(body.slice(binding.index + binding[1]!.length)), sentence };
    }
  }
  const subject = SUBJECT.exec(body);
  // Charged with the action as the sentence's subject: what 负责 says in so many words.
  if (subject) return { actor: subject[1]!, modality: '负责', action: trimEnd(body.slice(subject[1]!.length)), sentence, implicit: true };
  return null;
}

const trimEnd = (s: string) => s.replace(/[。；;，,\s]+$/, '');

/** The first clause of an action: 明确数据专员，加强… → 明确数据专员. */
export function actionHead(action: string): string {
  return action.split(/[，,；;。]/)[0]!.trim();
}

/** 县级以上人民政府数据主管部门 → 县级以上; the level of government the duty binds. */
export function actorLevel(actor: string): string {
  if (actor === '') return '未指明';
  if (/^县级以上/.test(actor)) return '县级以上';
  if (/^省、市州/.test(actor)) return '省、市州';
  if (/^(?:省人民政府|省级|省)/.test(actor)) return '省级';
  if (/^市州/.test(actor)) return '市州';
  if (/^(?:市人民政府|市人民代表大会|市)/.test(actor)) return '市级';
  if (/^县级/.test(actor)) return '县级';
  if (/^各级/.test(actor)) return '各级';
  return '未指明';
}

// Government levels and wrappers that do not change which kind of body is meant.
const LEVEL_PREFIX = /^(?:县级以上|省、市州|省级|市州|各级|省|市|县级|县)?(?:人民政府)?(?:及其?|和|与)?/;

/** 县级以上人民政府数据主管部门 / 省人民政府数据主管部门 → 数据主管部门: the kind of body. */
export function actorCore(actor: string): string {
  const core = actor.replace(LEVEL_PREFIX, '');
  return core === '' ? actor : core;
}

/** Whether a clause's actor is (or includes) the actor asked about. */
export function actorMatches(clauseActor: string, asked: string): boolean {
  const core = actorCore(asked.trim());
  if (core === '') return false;
  return clauseActor.includes(core) || (clauseActor !== '' && core.includes(actorCore(clauseActor)) && actorCore(clauseActor).length >= 2);
}
