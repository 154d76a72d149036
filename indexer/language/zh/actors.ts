// How Chinese statutes name whoever a duty binds: the one list of actor-name endings, behind the duty
// extractor (which phrase before 应当 is an actor), the question parser (which phrase a duty question
// asks about) and the English bridge (which bridged term names a body).

const ACTOR_SUFFIXES = [
  '政府', '部门', '机关', '机构', '单位', '企业', '组织', '个人', '者', '委员会', '常委会', '办公厅', '主体',
  '院校', '学校', '中心', '平台', '官', '专员', '人员', '公民', '法人', '各地区', '各部门',
] as const;

/** An alternation of the endings, for building patterns. */
export const ACTOR_SUFFIX = `(?:${ACTOR_SUFFIXES.join('|')})`;

/** A phrase that names an actor rather than a circumstance. */
export const ENDS_AS_ACTOR = new RegExp(`${ACTOR_SUFFIX}$`);
