// How Chinese statutes name whoever a duty binds: the one list of actor-name endings, behind the duty
// extractor (which phrase before 应当 is an actor), the question parser (which phrase a duty question
// asks about) and the English bridge (which bridged term names a body).

const ACTOR_SUFFIXES = [
  '政府', '部门', '机关', '机构', '单位', '企业', '组织', '个人', '者', '委员会', '常委会', '办公厅', '主体',
  '院校', '学校', '中心', '平台', '官', '专员', '人员', '公民', '法人', '各地区', '各部门',
] as const;

/**
 * The endings a question's actor may have: the body-like ones of the list above. A question names its
 * actor in its first such phrase (数据处理者有哪些义务？); the generic endings (中心, 平台, 人员, 主体…)
 * would cut it short or pick a circumstance, and measurably do on the STARD questions.
 */
const QUESTION_ACTOR_SUFFIXES = ['部门', '机关', '机构', '单位', '企业', '人民政府', '政府', '组织', '官', '专员', '处理者', '公民', '个人', '学校', '院校'] as const;

/** An alternation of the question's actor endings, for building patterns. */
export const QUESTION_ACTOR_SUFFIX = `(?:${QUESTION_ACTOR_SUFFIXES.join('|')})`;

/** An alternation of the endings, for building patterns. */
export const ACTOR_SUFFIX = `(?:${ACTOR_SUFFIXES.join('|')})`;

/** A phrase that names an actor rather than a circumstance. */
export const ENDS_AS_ACTOR = new RegExp(`${ACTOR_SUFFIX}$`);
