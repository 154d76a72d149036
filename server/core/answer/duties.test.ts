import { describe, expect, it } from 'vitest';
import { actionHead, actorCore, actorLevel, actorMatches, extractDuties } from './duties.ts';

// Clauses of different shapes, taken from the two statutes.
describe('duty extraction', () => {
  it.each([
    ['县级以上人民政府有关部门应当明确数据专员，加强本部门公共数据归集治理。', '县级以上人民政府有关部门', '应当', '明确数据专员'],
    ['县级以上人民政府数据主管部门负责统筹推进、协调、督促大数据发展应用工作。', '县级以上人民政府数据主管部门', '负责', '统筹推进、协调、督促大数据发展应用工作'],
    ['鼓励企业建立首席数据官制度，健全数据资源管理机制。', '', '鼓励', '鼓励企业建立首席数据官制度'],
    ['支持市场主体探索数据资产定价机制，形成数据资产目录。', '', '支持', '支持市场主体探索数据资产定价机制'],
    ['鼓励和支持算力运营企业开展算力服务模式创新。', '', '鼓励', '鼓励和支持算力运营企业开展算力服务模式创新'],
    ['开展大数据发展应用相关活动，不得损害国家利益。', '', null, null],
    ['任何单位和个人有权对危害数据安全的行为向有关部门投诉、举报。', '', null, null],
    ['通信管理部门应当统筹推进算力网络建设，推动高速直连网建设。', '通信管理部门', '应当', '统筹推进算力网络建设'],
    ['重要数据的处理者应当明确数据安全负责人和管理机构。', '重要数据的处理者', '应当', '明确数据安全负责人和管理机构'],
    ['省、市州人民政府数据主管部门应当会同有关部门编制规划。', '省、市州人民政府数据主管部门', '应当', '会同有关部门编制规划'],
    ['对承载个人信息的数据，按照个人授权范围依法依规采集。', '', null, null],
    ['市人民政府及其有关部门可以根据需要设立专项资金。', '市人民政府及其有关部门', '可以', '根据需要设立专项资金'],
  ])('%s', (clause, actor, modality, head) => {
    const [duty] = extractDuties(clause);
    if (modality === null) {
      expect(duty).toBeUndefined();
      return;
    }
    expect(duty).toMatchObject({ actor, modality });
    expect(actionHead(duty!.action)).toBe(head);
  });

  it('finds every duty statement of a multi-sentence clause', () => {
    const duties = extractDuties('县级以上人民政府应当支持数据交易所建设；市人民政府数据主管部门应当加强监管。');
    expect(duties.map((d) => d.actor)).toEqual(['县级以上人民政府', '市人民政府数据主管部门']);
  });
});

describe('actors', () => {
  it('normalises levels away so 数据主管部门 finds every level', () => {
    expect(actorCore('县级以上人民政府数据主管部门')).toBe('数据主管部门');
    expect(actorCore('省人民政府数据主管部门')).toBe('数据主管部门');
    expect(actorMatches('省、市州人民政府数据主管部门', '数据主管部门')).toBe(true);
    expect(actorMatches('县级以上人民政府有关部门', '数据主管部门')).toBe(false);
  });

  it('says which level a duty binds', () => {
    expect(actorLevel('县级以上人民政府数据主管部门')).toBe('县级以上');
    expect(actorLevel('省人民政府数据主管部门')).toBe('省级');
    expect(actorLevel('市人民政府')).toBe('市级');
    expect(actorLevel('通信管理部门')).toBe('未指明');
  });
});
