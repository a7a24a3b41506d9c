import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type NormalizeResult, normalize } from './index.js';

const seedsDir = join(import.meta.dirname, '..', '..', '..', 'seeds');
const seed = (prefix: string): string => {
  const name = readdirSync(seedsDir).find((f) => f.startsWith(prefix)) as string;
  return readFileSync(join(seedsDir, name), 'utf8');
};
const removedOf = (r: NormalizeResult, kind: string) =>
  r.removed.filter((x) => x.kind === kind).map((x) => x.text);

describe('seed 002 (web page, traditional, pinyin, GBK mojibake)', () => {
  let r: NormalizeResult;
  let raw: string;
  beforeAll(() => {
    raw = seed('002');
    r = normalize(raw);
  });

  it('reports the script before conversion', () => {
    expect(r.script).toBe('hant');
  });

  it('converts to simplified and removes the pinyin annotations', () => {
    expect(r.text).toContain(
      '唱好“双城记” 共建经济圈 | 三年来两地共推产业共兴、要素共用、服务共融 川渝齐心做大做强民营经济',
    );
    expect(r.text).toContain('共推产业共兴、要素共用、服务共融。');
    expect(r.text).not.toMatch(/\((?:bào|jīng|jì|chǎn|yè)\)/);
    expect(r.fixes.pinyin_annotation).toBe(535);
  });

  it('keeps real parentheticals', () => {
    expect(r.text).toContain('长江经济带、中新(重庆)战略性互联互通示范项目等国家战略。');
  });

  it('re-aligns the misdecoded GBK runs', () => {
    expect(r.text).toContain(
      '可能就没有今天的重庆电子电路产业园了。”重庆瑜瀚电子科技有限公司总经理助理秦明告诉重庆日报记者，',
    );
    expect(r.text).toContain('全面建成后可满足两地一半的集成电路需求。”荣昌区相关负责人介绍，');
    expect(r.text).toContain(
      '推动两地民营经济携手合作迈入了‘快车道’。”重庆市工商联党组成员、副主席雷文睿介绍。',
    );
    expect(r.text).toContain('等方面深度发力。”四川省工商联党组成员、副主席孙宁说。');
    expect(r.text).toContain('三是靠前服务协调。”孙宁说，特别是要把成渝地区双城经济圈推介出去，');
    expect(r.text).toContain('川渝电子电路产业发展将有重大突破。”\n\n“那我们何不联合起来');
    expect(r.text).toContain('一起搞电子电路产业园区，不得错。”');
  });

  it('recovers 日报 and 携手 from the surviving pinyin and the context', () => {
    expect(r.text).toContain('促成川渝两地携手打造起一个年产值百亿级的产业园区。');
    expect(r.text).not.toContain('\uFFFD');
    expect(r.damaged).toEqual([]);
    expect(r.fixes.recovered_character).toBe(5);
  });

  it('turns ASCII punctuation between Chinese into full-width', () => {
    expect(r.text).toContain('2020年1月，中央财经委员会第六次会议');
    expect(r.text).toContain('比如：发布《汇聚双城商协会力量共促成渝经济圈建设》重庆倡议');
    expect(r.text).toContain('在成渝主轴黄金联结点的荣昌，携手打造一个专门的产业园区？”');
  });

  it('takes the hotline, the source line, the footer and the stray ? out, with raw text and offsets', () => {
    expect(removedOf(r, 'hotline')).toEqual(['新聞熱線:023-61520695 舉報(bào)電話:023-61520697']);
    expect(removedOf(r, 'source_line')).toEqual([
      '2023-03-31 08:52:51\u00a0\u00a0來(lái)源:重慶日?qǐng)?bào)',
    ]);
    expect(removedOf(r, 'noise')).toEqual(['?']);
    const footer = removedOf(r, 'site_footer');
    expect(footer).toHaveLength(5);
    expect(footer[0]?.startsWith('關(guān)于我們 | 網(wǎng)站聲明 | 意見(jiàn)反饋 Copyright2011-2017')).toBe(
      true,
    );
    expect(footer[4]).toContain('渝ICP備10015940號(hào)-1');
    for (const x of r.removed) expect(raw.slice(x.start, x.end)).toBe(x.text);
    expect(r.text).not.toContain('Copyright');
    expect(r.text.endsWith('参与成渝地区双城经济圈建设。')).toBe(true);
    expect(r.text.startsWith('唱好“双城记”')).toBe(true);
  });
});

describe('seed 000 (print page, simplified with stray traditional, spliced caption)', () => {
  let r: NormalizeResult;
  beforeAll(() => {
    r = normalize(seed('000'));
  });

  it('converts the stray traditional characters and keeps 显著', () => {
    expect(r.script).toBe('hans');
    expect(r.text).toContain('成都高新区管委会党工委书记卢铁城与蓝逢辉不谋而合。');
    expect(r.text).toContain('在助力渝台经济交流方面取得了显著成效。');
  });

  it('takes the caption out of the middle of the sentence and rejoins it', () => {
    expect(r.text).toContain('在渝北区、合川区等地捐建希望小学10余所；牵头成立两岸献血联盟，');
    expect(removedOf(r, 'caption')).toEqual([
      '9月8日，渝中区广场大厦，第十六届“重庆·台湾周”——“丹青承文脉翰墨书渝台”书画笔会交流活动开幕。',
    ]);
  });

  it('rejoins sentences broken across a paragraph gap', () => {
    expect(r.text).toContain('协调制定成渝地区双城经济圈建设重大政策，');
    expect(r.text).toContain('支持力度不足，限制了微电网系统与电网互动的发展。”');
  });

  it('keeps headlines and bylines as their own paragraphs', () => {
    expect(r.text.startsWith('同心携手三十载 共绘渝台新篇章\n\n——写在重庆市台湾同胞投资企业')).toBe(true);
    expect(r.text).toContain('\n\n□新重庆-重庆日报首席记者 周尤\n\n');
  });
});

describe('seed 001 (print page, captions, credits, broken sentences)', () => {
  let r: NormalizeResult;
  beforeAll(() => {
    r = normalize(seed('001'));
  });

  it('takes the captions and the photo credits out', () => {
    expect(removedOf(r, 'caption')).toEqual([
      '▲璧山区重庆青山工业变速箱一厂内，工人在新能源二电驱生产线上与工业机器人协同工作。（本报资料图片）',
      '◀位于两江协同创新区的中科摇船船科技有限公司，研发人员在测试MicroLED晶圆外观检测系统。（本报资料图片）',
    ]);
    expect(removedOf(r, 'photo_credit')).toEqual(['记者 崔力 摄/视觉重庆', '记者 张锦辉 摄/视觉重庆']);
    expect(r.text).not.toContain('视觉重庆');
    expect(r.text).toContain('重庆“33618”现代制造业集群加快提能级\n\n金、医药等重点行业布局，');
  });

  it('rejoins sentences broken across blank lines', () => {
    expect(r.text).toContain(
      '进一步推动台商企业来渝投资发展，促进渝台经贸交流与合作。同时，突出搭建交流平台，',
    );
    expect(r.text).toContain('为人工智能及服务机器人企业来渝发展提供基础算力资源；');
    expect(r.text).toContain('“效率大幅提升得益于生产线智能化改造。”赛力斯负责人说，');
    expect(r.text).toContain('争取更多人工智能及服务机器人领域创新成果来渝转化；');
  });

  it('keeps 上接1版, bylines, headings and the 一 of 初创期一成长期 as written', () => {
    expect(r.text).toContain('改革奋进正当时\n\n（上接1版）其中，在传统产业转型升级方面，');
    expect(r.text).toContain('本报讯（新重庆-重庆日报首席记者 周尤）9月4日，');
    expect(r.text).toContain('强化市场主体培育\n培育专精特新及独角兽企业，建立优质企业梯度培育体系\n\n');
    expect(r.text).toContain('第十六届“重庆·台湾周”9月10日开幕\n\n涵盖经贸合作等5大板块18个分项活动\n\n');
    expect(r.text).toContain('重庆（南坪）国际会议展览中心');
    expect(r.text).toContain('形成“初创期一成长期一发展期一跨越期');
  });
});

describe('seed 003 (report, commentary, results page, page footer)', () => {
  let r: NormalizeResult;
  beforeAll(() => {
    r = normalize(seed('003'));
  });

  it('converts 不負期望 and keeps corner quotes', () => {
    expect(r.text).toContain('牢记嘱托，不负期望。');
    expect(r.text).toContain('唱好「双城记」 共建经济圈');
  });

  it('takes the page footer out as page_date, one editor entry per line and image_note', () => {
    expect(removedOf(r, 'page_date')).toEqual(['2024年6月22日 星期六']);
    expect(removedOf(r, 'editor')).toEqual(['责编 罗皓皓', '美编 张辉']);
    expect(removedOf(r, 'image_note')).toEqual(['本组图片均为资料图片']);
    expect(r.text.endsWith('(本组文字由新重庆-重庆日报记者唐琴、余振芳采访整理)')).toBe(true);
  });

  it('takes the photo captions between blank-line runs out', () => {
    expect(removedOf(r, 'caption')).toEqual([
      '中药新药创制川渝共建重点实验室。',
      '两江新区政务大厅“川渝通办”窗口。',
      '赛力斯汽车超级工厂。',
      '嘉陵江利泽航运枢纽工程。',
    ]);
  });

  it('keeps bylines and bullet lists line by line', () => {
    expect(r.text).toContain(
      '\n\n□新重庆-重庆日报记者 余振芳 唐琴\n\n6月21日，重庆市党政代表团赴四川省广安市考察',
    );
    expect(r.text).toContain('\n\n□新重庆-重庆日报评论员\n\n昨天，');
    expect(r.text).toContain(
      '- 嘉陵江利泽航运枢纽正式通航\n- 梁平至开江高速公路全线通车，川渝省际高速公路通道增至16条\n',
    );
    expect(r.text).toContain('- 川渝高竹新区南北大道等一批标志性工程完工\n\n(本组文字由');
    expect(r.text).toContain('重大项目提速建设\n\n今年上半年，');
  });

  it('rejoins the sentence broken across a paragraph gap', () => {
    expect(r.text).toContain('下一步江津将紧扣建强西部陆海新通道重庆主城区');
  });
});

describe('seed 004 (PDF extraction, hard-wrapped)', () => {
  let r: NormalizeResult;
  beforeAll(() => {
    r = normalize(seed('004'));
  });

  it('joins wrapped lines without spaces and keeps Q&A turns as paragraphs', () => {
    expect(r.text).toContain(
      '\n\n重庆日报：产业，是推动成渝地区双城经济圈建设的重要支撑，加快现代产业体系建设，我们接下来将如何发力？\n\n董建国：市发展改革委将联合四川省发展改革委，',
    );
    expect(r.text).toContain(
      '全面完善企业“服务专员”制度和“直通车”制度。\n\n同时，我们将着力推动服务业高质量发展，',
    );
    expect(r.text).toContain('\n\n封毅：财政在成渝地区双城经济圈建设中起着基础性、保障性、先导性作用，');
  });

  it('keeps headlines as their own paragraphs, a two-line headline on two lines', () => {
    expect(r.text).toContain('\n\n成渝多部门携手共建\n现代产业体系\n\n');
    expect(r.text).toContain(
      '\n\n加快现代产业体系建设 重庆如何发力\n\n市委五届八次全会强调，建设成渝地区双城经济圈，要加快现代产业体系建设，',
    );
    expect(r.text).toContain('\n\n重庆迎来多个发展机遇\n\n');
    expect(r.text).toContain(
      '出更大的影响力。\n\n“一家人不说两家话”\n产业链互补互助，生态环境共保共治\n\n作为成渝地区双城经济圈发展主轴上',
    );
    expect(r.text).toContain('\n\n捧出“干货”来合作\n周边邻里更“亲热”\n\n本报讯（记者 杨铌紫）4月30日，');
    // A headline over a short subtitle, printed after the article's body.
    expect(r.text).toContain(
      '必要的。\n\n川渝开展“千校万岗”线上就业服务\n已征集岗位9.4万余个\n\n本报讯（记者 白麟）',
    );
    expect(r.text).toContain('\n\n川渝侨联签署战略合作协议\n围绕六个方面开展合作');
    // The block ends where the next article's continuation mark starts, with no blank line.
    expect(r.text).toContain(
      '\n\n双城经济圈首只发展基金将落地重庆高新区\n总规模300亿元\n\n（上接1版）前景令人振奋',
    );
  });

  it('rejoins numbers split by the layout', () => {
    expect(r.text).toContain('中新国际数据通道新开通1000M带宽、新培育通道用户50家，');
    expect(r.text).toContain('本报讯（记者 杨铌紫）5月2日，重庆日报记者从团市委了解到，');
    expect(r.text).toContain('集中面试时间为4月28日至30日。');
    expect(r.text).toContain(
      '本报讯（记者 杨铌紫）4月30日，市侨联与四川省侨联在成都签署服务成渝双城经济圈建设战略合作协议。',
    );
    expect(r.fixes.split_number).toBeGreaterThanOrEqual(3);
  });

  it('keeps the continuation mark', () => {
    expect(r.text).toContain('（上接1版）前景令人振奋，但如何才能让文旅走廊真正畅通起来？');
  });
});

describe('determinism', () => {
  it('gives byte-identical output for the same input', () => {
    const text = seed('002');
    const a = normalize(text);
    const b = normalize(text);
    expect(JSON.stringify({ ...a, map: undefined })).toBe(JSON.stringify({ ...b, map: undefined }));
  });
});
