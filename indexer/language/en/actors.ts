// English names for the actors statutes address, composed from level + government + body, so English
// answers can say who is bound. Unknown bodies stay in Chinese rather than being guessed.

const LEVELS: [RegExp, string][] = [
  [/^县级以上/, 'at or above county level'],
  [/^省、市州/, 'at provincial and prefecture level'],
  [/^省/, 'provincial'],
  [/^市州/, 'prefecture-level'],
  [/^市/, 'municipal'],
  [/^各级/, 'at all levels'],
];

const BODIES: [string, string][] = [
  ['数据主管部门', 'data administration department'],
  ['行业主管部门', 'competent industry department'],
  ['有关部门', 'relevant departments'],
  ['通信管理部门', 'telecommunications administration'],
  ['网信部门', 'cyberspace affairs department'],
  ['工业和信息化部门', 'industry and information technology department'],
  ['农业农村部门', 'agriculture and rural affairs department'],
  ['文化和旅游部门', 'culture and tourism department'],
  ['卫生健康部门', 'health department'],
  ['人力资源社会保障部门', 'human resources and social security department'],
  ['公安机关', 'public security organs'],
  ['国家安全机关', 'state security organs'],
  ['市场监管部门', 'market regulation department'],
  ['财政部门', 'finance department'],
  ['能源部门', 'energy department'],
  ['人民代表大会', "people's congress"],
  ['数据处理者', 'data processors'],
  ['企业', 'enterprises'],
  ['国家机关', 'state organs'],
];

export function translateActor(actor: string): string {
  const level = LEVELS.find(([re]) => re.test(actor));
  const rest = level ? actor.replace(level[0], '') : actor;
  const government = /^人民政府/.test(rest);
  const afterGov = rest.replace(/^人民政府/, '').replace(/^(?:及其?|和|与)/, '');
  const body = BODIES.find(([zh]) => afterGov === zh || afterGov.endsWith(zh));
  const levelEn = level?.[1] ?? '';
  const gov = levelEn.startsWith('at') ? `people's governments ${levelEn}` : `${levelEn ? `${levelEn} ` : ''}people's government`;
  if (government && afterGov === '') return gov;
  if (government && body) {
    const joined = /^(?:及其?|和|与)/.test(rest.replace(/^人民政府/, ''));
    return joined ? `${gov} and their ${body[1]}` : `the ${body[1]} of ${gov}`;
  }
  if (body && afterGov === body[0]) return `${levelEn && !levelEn.startsWith('at') ? `${levelEn} ` : ''}${body[1]}`;
  return actor;
}

/** "the data administration department" → 数据主管部门: the Chinese name of an English actor, if known. */
export function actorFromEnglish(text: string): string | null {
  const asked = text.toLowerCase();
  const found = BODIES.filter(([, en]) => asked.includes(en.replace(/s$/, ''))).sort((a, b) => b[1].length - a[1].length)[0];
  return found?.[0] ?? null;
}
