import { describe, expect, it } from 'vitest';
import { createSegmenter, tokenize } from './segmenter.js';
import { seed, seedLine } from './test-seeds.js';

const words = (text: string): string[] => tokenize(text).map((t) => t.text);
const tagged = (text: string): string[] => tokenize(text).map((t) => `${t.text}/${t.pos}`);

describe('offsets', () => {
  it('gives every token the offsets of its text, and the tokens add up to the input', () => {
    for (const prefix of ['000', '001', '003', '004']) {
      const text = seed(prefix);
      const tokens = tokenize(text);
      expect(tokens.map((t) => t.text).join('')).toBe(text);
      let at = 0;
      for (const t of tokens) {
        expect(t.start).toBe(at);
        expect(text.slice(t.start, t.end)).toBe(t.text);
        at = t.end;
      }
      expect(at).toBe(text.length);
    }
  });

  it('keeps whitespace, blank lines and CRLF as tokens of their own', () => {
    const text = '重庆“33618”现代制造业集群加快提能级\n\n▲璧山区  重庆\r\n青山';
    expect(tagged(text)).toEqual([
      '重庆/ns',
      '“/w',
      '33618/m',
      '”/w',
      '现代制造业集群/nz',
      '加快/v',
      '提/v',
      '能级/n',
      '\n\n/x',
      '▲/w',
      '璧山区/ns',
      '  /x',
      '重庆/ns',
      '\r\n/x',
      '青山/ns',
    ]);
  });

  it('counts UTF-16 code units for characters outside the BMP', () => {
    const tokens = tokenize('𠀀重庆');
    expect(tokens.map((t) => t.text).join('')).toBe('𠀀重庆');
    expect(tokens[tokens.length - 1]).toMatchObject({ text: '重庆', start: 2, end: 4 });
  });
});

describe('numbers and Latin runs', () => {
  it('keeps 30 whole in 「成立30年」 (seed 000)', () => {
    expect(words(seedLine('000', '成立30年之际'))).toEqual([
      '——',
      '写',
      '在',
      '重庆市',
      '台湾',
      '同胞',
      '投资',
      '企业',
      '协会',
      '成立',
      '30',
      '年',
      '之际',
    ]);
  });

  it('keeps decimals with their magnitude: 108.7亿 元, 2.1万 余个 (seeds 001, 004)', () => {
    expect(words('投资总额108.7亿元人民币')).toEqual(['投资', '总额', '108.7亿', '元', '人民币']);
    expect(words('其中重庆区域2.1万余个。')).toEqual(['其中', '重庆', '区域', '2.1万', '余个', '。']);
    expect(words('累计征集就业岗位9.4万余个')).toEqual(['累计', '征集', '就业', '岗位', '9.4万', '余个']);
  });

  it('cuts 13.5个百分点 as 13.5 / 个 / 百分点 (seed 001)', () => {
    expect(tagged('高于全国平均13.5个百分点')).toEqual([
      '高于/v',
      '全国/n',
      '平均/a',
      '13.5/m',
      '个/q',
      '百分点/m',
    ]);
  });

  it('keeps percentages whole: 25.2% (seed 001)', () => {
    expect(words('技改投资增长25.2%、高于全国')).toEqual([
      '技改',
      '投资',
      '增长',
      '25.2%',
      '、',
      '高于',
      '全国',
    ]);
  });

  it('keeps Latin and alphanumeric runs whole: 5G, KPI, AI, MicroLED, 3C', () => {
    expect(tagged('抓紧落地实施一批5G、数据中心')).toEqual([
      '抓紧/v',
      '落地/n',
      '实施/v',
      '一/m',
      '批/q',
      '5G/eng',
      '、/w',
      '数据中心/n',
    ]);
    expect(words('加快板块、跑道、子跑道、体征指标和KPI建设')).toContain('KPI');
    expect(words('深化AI赋能')).toEqual(['深化', 'AI', '赋能']);
    expect(words('研发人员在测试MicroLED晶圆外观检测系统')).toEqual([
      '研发',
      '人员',
      '在',
      '测试',
      'MicroLED',
      '晶圆',
      '外观',
      '检测',
      '系统',
    ]);
    expect(words('电子3C产品')).toEqual(['电子', '3C', '产品']);
  });

  it('keeps dates whole: 2024-06-22, 2024年6月22日, 1—7月, 9月2日至3日', () => {
    expect(tagged('2024-06-22 08:52:51')).toEqual(['2024-06-22/t', ' /x', '08:52:51/t']);
    expect(tagged('2024年6月22日 星期六')).toEqual(['2024年/t', '6月/t', '22日/t', ' /x', '星期六/t']);
    expect(tagged('今年1—7月完成设备更新')).toEqual(['今年/t', '1—7月/t', '完成/v', '设备/vn', '更新/d']);
    expect(words('9月2日至3日，')).toEqual(['9月', '2日', '至', '3日', '，']);
    expect(words('新华社北京12月31日电')).toEqual(['新华社', '北京', '12月', '31日', '电']);
  });

  it('keeps 「33618」 whole (seed 001)', () => {
    expect(tagged('以“33618”现代制造业集群')).toEqual(['以/p', '“/w', '33618/m', '”/w', '现代制造业集群/nz']);
  });

  it('keeps dates in Chinese numerals whole', () => {
    expect(tagged('（二○○○年十二月三十一日）')).toEqual([
      '（/w',
      '二○○○年/t',
      '十二月/t',
      '三十一日/t',
      '）/w',
    ]);
  });

  it('keeps repeated punctuation together: 「……」', () => {
    expect(tagged('画面……这个')).toEqual(['画面/n', '……/w', '这个/r']);
  });
});

describe('news vocabulary', () => {
  it('keeps the domain terms whole (seed 003)', () => {
    expect(tagged(seedLine('003', '代表团一行在川渝高竹新区')).slice(0, 8)).toEqual([
      '代表团/n',
      '一行/m',
      '在/p',
      '川渝高竹新区/ns',
      '、/w',
      '广安/ns',
      '等/u',
      '地/uv',
    ]);
    expect(words('推动成渝地区双城经济圈建设')).toEqual(['推动', '成渝地区双城经济圈', '建设']);
    expect(words('因地制宜发展新质生产力')).toEqual(['因地制宜', '发展', '新质生产力']);
    expect(words('紧扣建强西部陆海新通道')).toEqual(['紧扣', '建强', '西部陆海新通道']);
    expect(words('培育专精特新及独角兽企业')).toEqual(['培育', '专精特新', '及', '独角兽', '企业']);
  });

  it('keeps districts of Chongqing and cities of Sichuan whole', () => {
    expect(tagged('市委副书记李明清前往合川区、铜梁区调研。')).toEqual([
      '市委副书记/nnt',
      '李明清/nr',
      '前往/v',
      '合川区/ns',
      '、/w',
      '铜梁区/ns',
      '调研/vn',
      '。/w',
    ]);
    expect(tagged('重庆市党政代表团赴四川省广安市考察')).toContain('广安市/ns');
  });
});

describe('people and titles', () => {
  it('joins names after titles into one nr token (seeds 000, 001)', () => {
    expect(tagged('市民政局党组书记、局长丁中平作宣讲报告。').slice(4, 6)).toEqual(['局长/n', '丁中平/nr']);
    expect(tagged('市国资委党委书记、主任曾菁华作宣讲报告。').slice(4, 6)).toEqual(['主任/b', '曾菁华/nr']);
    expect(tagged('市政府副市长、党组成员江敦涛作宣讲报告。').slice(3, 5)).toEqual([
      '党组成员/nnt',
      '江敦涛/nr',
    ]);
    expect(tagged(seedLine('001', '市委副书记李明清前往')).filter((t) => t.endsWith('/nr'))).toEqual([
      '张珺/nr',
      '程俊豪/nr',
      '李明清/nr',
    ]);
  });

  it('joins names before verbs of saying (seeds 000, 001, 003)', () => {
    expect(tagged('江敦涛强调，要深刻')).toEqual(['江敦涛/nr', '强调/v', '，/w', '要/v', '深刻/d']);
    expect(tagged('丁中平表示，全市政系统').slice(0, 2)).toEqual(['丁中平/nr', '表示/v']);
    expect(words('万州市委副书记、区长李庆说')).toEqual(['万州', '市委副书记', '、', '区长', '李庆', '说']);
  });

  it('joins the speaker of an interview turn at the start of a line (seed 004)', () => {
    expect(tagged('董建国：市发展改革委将联合四川').slice(0, 2)).toEqual(['董建国/nr', '：/w']);
  });

  it('joins a name found by context where it occurs again (seed 000)', () => {
    const tokens = tokenize('局长丁中平作报告。丁中平从五个方面作了阐释。');
    expect(tokens.filter((t) => t.pos === 'nr').map((t) => [t.text, t.start])).toEqual([
      ['丁中平', 2],
      ['丁中平', 9],
    ]);
  });

  it('keeps the reporter of a byline after 「记者 」 (seed 001)', () => {
    expect(tagged('本报讯（新重庆-重庆日报首席记者 周尤）9月4日').slice(5, 11)).toEqual([
      '-/w',
      '重庆日报/nt',
      '首席记者/nnt',
      ' /x',
      '周尤/nr',
      '）/w',
    ]);
  });

  it('does not take a title followed by punctuation or a verb for a name', () => {
    expect(tagged('市国资委党委书记、主任').filter((t) => t.endsWith('/nr'))).toEqual([]);
    expect(tagged('市政府台办有关负责人表示，').filter((t) => t.endsWith('/nr'))).toEqual([]);
  });
});

describe('low-evidence compounds', () => {
  it("cuts nodejieba's floor-frequency phrases into their parts, unless told not to", () => {
    expect(words('世界各国人民的共同愿望')).toEqual(['世界', '各国', '人民', '的', '共同', '愿望']);
    expect(words('投资总额')).toEqual(['投资', '总额']);
    const coarse = createSegmenter({ splitCompounds: false });
    expect(coarse.tokenize('世界各国人民的共同愿望').map((t) => t.text)).toEqual([
      '世界',
      '各国',
      '人民',
      '的',
      '共同愿望',
    ]);
  });

  it('keeps idioms, proper nouns and domain words whole', () => {
    expect(words('坚持不懈推动成渝地区双城经济圈建设')).toEqual([
      '坚持不懈',
      '推动',
      '成渝地区双城经济圈',
      '建设',
    ]);
    expect(words('在人民大会堂')).toEqual(['在', '人民大会堂']);
  });
});

describe('news error classes', () => {
  const words = (text: string): string[] => tokenize(text).map((t) => t.text);

  it('keeps clock times whole: 8时, 8时30分, but not a score of 30分', () => {
    expect(tagged('今天8时30分开幕')).toEqual(['今天/t', '8时/t', '30分/t', '开幕/v']);
    expect(words('他得了30分')).not.toContain('30分');
    expect(words('用了5分钟')).toEqual(['用', '了', '5', '分钟']);
  });

  it('keeps a minus sign with its number, not a hyphen between numbers', () => {
    expect(words('气温－5～3℃')).toEqual(['气温', '－5', '～', '3', '℃']);
    expect(words('降至-3.5度')).toContain('-3.5');
    expect(words('1999-2000年')).toContain('-');
  });

  it('stops a number before a unit word: 3千瓦, 2000年度, 2月份', () => {
    expect(words('3千瓦发电机')).toEqual(['3', '千瓦', '发电机']);
    expect(words('2000年度预算')).toEqual(['2000', '年度', '预算']);
    expect(tagged('2月份')).toEqual(['2月份/t']);
  });

  it('cuts a numeral from its measure word, keeping words like 一个 and 百年 whole', () => {
    expect(tagged('这一年来了一位客人')).toEqual([
      '这/r',
      '一/m',
      '年/q',
      '来/v',
      '了/ul',
      '一/m',
      '位/q',
      '客人/n',
    ]);
    expect(words('第一次有两个十五届')).toEqual(['第一', '次', '有', '两', '个', '十五', '届']);
    expect(words('一个百年老店多次获奖')).toEqual(['一个', '百年', '老店', '多次', '获奖']);
  });

  it('keeps numbers and ordinals in Chinese numerals whole', () => {
    expect(words('海拔四千三百一十三米')).toEqual(['海拔', '四千三百一十三', '米']);
    expect(words('第四十八条')).toEqual(['第四十八', '条']);
  });

  it('cuts source and photo credits: 本报讯, 图为, 张悦摄', () => {
    expect(words('本报讯 图为新建的大桥')).toEqual(['本报', '讯', ' ', '图', '为', '新建', '的', '大桥']);
    expect(tagged('（新华社记者张悦摄）')).toEqual([
      '（/w',
      '新华社/nt',
      '记者/n',
      '张悦/nr',
      '摄/v',
      '）/w',
    ]);
    expect(words('（王景仁摄）')).toEqual(['（', '王景仁', '摄', '）']);
    expect(words('他拍摄了照片')).toContain('拍摄');
  });

  it('joins transliterated names at a middle dot, not place names', () => {
    expect(words('菲德尔·卡斯特罗会见了他')).toContain('菲德尔·卡斯特罗');
    expect(words('“重庆·台湾周”开幕')).toContain('·');
  });

  it('tags verbs of news as verbs: 前往, 会见', () => {
    expect(tagged('总理会见外宾后前往机场')).toEqual([
      '总理/n',
      '会见/v',
      '外宾/n',
      '后/f',
      '前往/v',
      '机场/n',
    ]);
    expect(tagged('花了100元')).toContain('元/q');
    expect(words('他高兴地说')).toEqual(['他', '高兴', '地', '说']);
  });
});
