import { describe, expect, it } from 'vitest';
import { normalize } from './index.js';

describe('GBK mojibake', () => {
  const raw = '“可能就沒有今天的產業園了?!敝貞c瑜瀚電子科技有限公司總經理助理秦明說。';

  it('re-aligns a run decoded one byte late', () => {
    const r = normalize(raw);
    expect(r.text).toBe('“可能就没有今天的产业园了。”重庆瑜瀚电子科技有限公司总经理助理秦明说。');
    expect(r.fixes.mojibake).toBe(1);
  });

  it('leaves it alone when switched off', () => {
    expect(normalize(raw, { mojibake: false, punctuation: false }).text).toContain('产业园了?!敝贞c瑜瀚');
  });

  it('leaves ?! in ordinary text alone', () => {
    expect(normalize('真的吗?!北京的冬天abc。').text).toBe('真的吗？！北京的冬天abc。');
    expect(normalize('他问：“真的吗?!我不信abc。”').text).toBe('他问：“真的吗？！我不信abc。”');
  });

  it('reports a lost character it cannot settle, with its pinyin hint', () => {
    const r = normalize('今年重慶?qǐng)市場很好。');
    expect(r.text).toBe('今年重庆\uFFFD市场很好。');
    expect(r.damaged).toEqual([{ start: 4, end: 5, hint: 'qǐng' }]);
  });

  it('recovers a lost character the pinyin and a listed word settle', () => {
    expect(normalize('據重慶日?bào)報道。').text).toBe('据重庆日报报道。');
  });
});

describe('pinyin annotations', () => {
  it('removes readings and keeps real parentheticals', () => {
    const r = normalize('舉報(bào)電話與經(jīng)濟(jì)圈,中新(重慶)項目,渝網文(2016)4551號,附件(a)。');
    expect(r.text).toBe('举报电话与经济圈，中新(重庆)项目，渝网文(2016)4551号，附件(a)。');
    expect(r.fixes.pinyin_annotation).toBe(3);
  });

  it('keeps them when switched off', () => {
    expect(normalize('經(jīng)濟(jì)', { pinyinAnnotations: false }).text).toBe('经(jīng)济(jì)');
  });
});

describe('layout', () => {
  const wrapped = Array.from(
    { length: 12 },
    () => '川渝两地在重庆北碚四川资阳举办\n了两届成渝地区双城经济圈商会合\n作峰会，推动成立企业家联盟。\n',
  ).join('\n');

  it('unwraps hard-wrapped lines, and keeps them when switched off', () => {
    const r = normalize(wrapped);
    expect(r.text.split('\n\n')[0]).toBe(
      '川渝两地在重庆北碚四川资阳举办了两届成渝地区双城经济圈商会合作峰会，推动成立企业家联盟。',
    );
    expect(r.fixes.unwrapped_line).toBe(24);
    expect(normalize(wrapped, { unwrap: false }).text.split('\n\n')[0]).toBe(
      '川渝两地在重庆北碚四川资阳举办\n了两届成渝地区双城经济圈商会合\n作峰会，推动成立企业家联盟。',
    );
  });

  it('keeps page furniture when switched off', () => {
    const raw = '正文第一段。\n\n2024年6月22日 星期六\n责编 罗皓皓\n美编 张辉';
    expect(normalize(raw).text).toBe('正文第一段。');
    expect(normalize(raw).removed.map((x) => x.kind)).toEqual(['page_date', 'editor', 'editor']);
    expect(normalize(raw, { furniture: false }).text).toBe(raw);
  });

  it('keeps captions and credits when switched off', () => {
    const raw = '正文。\n\n▲工人在生产线上工作。\n记者 崔力 摄/视觉重庆';
    expect(normalize(raw).text).toBe('正文。');
    expect(normalize(raw, { captions: false }).text).toBe(raw);
  });

  it('rejoins a sentence broken across a paragraph gap, and keeps the gap when switched off', () => {
    const raw =
      '第三突出服务高质量发展，聚焦产业转型升级，紧扣企业转型发展战略，以经济合作为重点，进一步推动台商企业来渝投资发展，促进渝台经贸\n\n交流与合作。同时，突出搭建交流平台。';
    expect(normalize(raw).text).toBe(
      '第三突出服务高质量发展，聚焦产业转型升级，紧扣企业转型发展战略，以经济合作为重点，进一步推动台商企业来渝投资发展，促进渝台经贸交流与合作。同时，突出搭建交流平台。',
    );
    expect(normalize(raw, { rejoinSentences: false }).text).toBe(raw);
  });

  it('keeps a short heading apart from the paragraph after it', () => {
    expect(normalize('推动数字化变革\n\n建设“产业大脑+未来工厂”，系统性重塑制造业。').text).toBe(
      '推动数字化变革\n\n建设“产业大脑+未来工厂”，系统性重塑制造业。',
    );
  });
});

describe('zero-width joiners', () => {
  it('keeps a joiner inside an emoji sequence and drops one between ordinary characters', () => {
    const family = '👨\u200d👩\u200d👧';
    const technologist = '👩🏽\u200d💻';
    const r = normalize(`重庆日报讯 市民${family}一家和${technologist}工程师参加活动。成\u200d渝`);
    expect(r.text).toContain(family);
    expect(r.text).toContain(technologist);
    expect(r.text).toContain('成渝');
  });
});
