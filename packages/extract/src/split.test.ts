import { createContext } from '@xinwen/core';
import { describe, expect, it } from 'vitest';
import { splitArticles } from './split.js';

const summary = (text: string) =>
  splitArticles(text).map((a) => ({
    kicker: a.kicker,
    title: a.title,
    subtitle: a.subtitle,
    byline: a.byline.text,
    continuedFrom: a.continuedFrom,
    paragraphs: a.paragraphs.map((p) => p.text),
  }));

describe('splitArticles', () => {
  it('reads a headline stack, a 本报讯 lead and leaves section headings out of the paragraphs', () => {
    const text = [
      '第十六届“重庆·台湾周”9月10日开幕',
      '涵盖经贸合作等5大板块18个分项活动',
      '本报讯（新重庆-重庆日报首席记者 周尤）9月4日，记者从新闻发布会上获悉。',
      '据了解，本届台湾周以“共享新机遇 共创好未来”为主题。',
      '将集中签订重点项目8个 投资总额108.7亿元人民币',
      '市政府台办有关负责人介绍，本届台湾周将集中签订两岸经贸合作重点项目8个。',
    ].join('\n\n');
    expect(summary(text)).toEqual([
      {
        kicker: undefined,
        title: '第十六届“重庆·台湾周”9月10日开幕',
        subtitle: '涵盖经贸合作等5大板块18个分项活动',
        byline: '本报讯（新重庆-重庆日报首席记者 周尤）',
        continuedFrom: undefined,
        paragraphs: [
          '9月4日，记者从新闻发布会上获悉。',
          '据了解，本届台湾周以“共享新机遇 共创好未来”为主题。',
          '市政府台办有关负责人介绍，本届台湾周将集中签订两岸经贸合作重点项目8个。',
        ],
      },
    ]);
  });

  it('reads a title over a subtitle in one block, the subtitle opening with a year', () => {
    const text =
      '成都加快建设国际门户枢纽城市\n2024年上半年GDP增长6.1%\n\n本报成都7月20日电（记者 王明）7月19日，成都市统计局发布数据。';
    expect(summary(text).map((a) => [a.title, a.subtitle, a.byline])).toEqual([
      ['成都加快建设国际门户枢纽城市', '2024年上半年GDP增长6.1%', '本报成都7月20日电（记者 王明）'],
    ]);
  });

  it('reads a ——subtitle, a kicker in 「X—— Y」, a column banner that is no title, and 上接', () => {
    const text = [
      '同心携手三十载 共绘渝台新篇章',
      '——写在重庆市台湾同胞投资企业协会成立30年之际',
      '□新重庆-重庆日报首席记者 周尤',
      '弹指一挥间，匆匆三十载。',
      '川渝省市政协联合协商—— 优化重大生产力布局 赋能“双圈”建设',
      '唱好“双城记” 共建经济圈',
      '□新重庆-重庆日报记者 何秦阳',
      '2024年是成渝地区双城经济圈建设的第五年。',
      '改革奋进正当时',
      '（上接1版）其中，在传统产业转型升级方面，今年1—7月完成设备更新。',
    ].join('\n\n');
    expect(
      summary(text).map(({ kicker, title, subtitle, continuedFrom }) => ({
        kicker,
        title,
        subtitle,
        continuedFrom,
      })),
    ).toEqual([
      {
        kicker: undefined,
        title: '同心携手三十载 共绘渝台新篇章',
        subtitle: '写在重庆市台湾同胞投资企业协会成立30年之际',
        continuedFrom: undefined,
      },
      {
        kicker: '川渝省市政协联合协商',
        title: '优化重大生产力布局 赋能“双圈”建设',
        subtitle: undefined,
        continuedFrom: undefined,
      },
      { kicker: '改革奋进正当时', title: '', subtitle: undefined, continuedFrom: '1版' },
    ]);
  });

  it('gives a headline left over above one article to the next article that has none (seed 000)', () => {
    const text = [
      '同心携手三十载 共绘渝台新篇章',
      '——写在重庆市台湾同胞投资企业协会成立30年之际',
      '以进一步全面深化改革为动力 高水平推动现代化新重庆建设',
      '本报讯（重庆日报记者 李立成）连日来，市委宣讲团赴各区县宣讲。',
      '9月5日，市民政局举行宣讲报告会。',
      '□新重庆-重庆日报首席记者 周尤',
      '弹指一挥间，匆匆三十载。',
    ].join('\n\n');
    expect(summary(text).map((a) => [a.title, a.byline])).toEqual([
      ['以进一步全面深化改革为动力 高水平推动现代化新重庆建设', '本报讯（重庆日报记者 李立成）'],
      ['同心携手三十载 共绘渝台新篇章', '□新重庆-重庆日报首席记者 周尤'],
    ]);
  });

  it('reads headlines printed after their article (a PDF page that ends in a headline)', () => {
    const text = [
      '本报讯（记者 杨铌紫）5月2日，重庆日报记者从团市委了解到，就业服务季活动已举办两季。',
      '重庆信息通信研究院副院长潘科表示，双方的人才互动是很有必要的。',
      '川渝开展“千校万岗”线上就业服务\n已征集岗位9.4万余个',
      '本报讯（记者 白麟）重庆日报记者获悉，首只发展基金发起设立，总规模300亿元。',
      '双城经济圈首只发展基金将落地重庆高新区\n总规模300亿元',
    ].join('\n\n');
    expect(summary(text).map((a) => [a.title, a.subtitle, a.byline, a.paragraphs.length])).toEqual([
      ['川渝开展“千校万岗”线上就业服务', '已征集岗位9.4万余个', '本报讯（记者 杨铌紫）', 2],
      ['双城经济圈首只发展基金将落地重庆高新区', '总规模300亿元', '本报讯（记者 白麟）', 1],
    ]);
  });

  it('starts an article at a column banner and takes a closing 本组文字由 credit as its byline (seed 003)', () => {
    const text = [
      '□新重庆-重庆日报评论员',
      '昨天，党政联席会议座谈会在四川广安召开。',
      '唱好「双城记」 共建经济圈',
      '重庆四川党政联席会议第九次会议特别报道',
      '双城经济圈建设 进入全面提速、积厚成势新阶段',
      '6月21日，党政联席会议第九次会议举行成果发布会。',
      '- 嘉陵江利泽航运枢纽正式通航',
      '(本组文字由新重庆-重庆日报记者唐琴、余振芳采访整理)',
    ].join('\n\n');
    const ctx = createContext('extract');
    const articles = splitArticles(text, {}, ctx);
    expect(articles.map((a) => [a.kicker, a.title, a.byline.reporters.map((r) => r.name)])).toEqual([
      [undefined, '', []],
      [
        '重庆四川党政联席会议第九次会议特别报道',
        '双城经济圈建设 进入全面提速、积厚成势新阶段',
        ['唐琴', '余振芳'],
      ],
    ]);
    expect(articles[1]?.paragraphs.map((p) => p.text)).toEqual([
      '6月21日，党政联席会议第九次会议举行成果发布会。',
      '嘉陵江利泽航运枢纽正式通航',
    ]);
    expect(ctx.warnings.map((w) => w.code)).toEqual(['untitled_article']);
  });

  it('moves paragraphs spliced into another article back, and warns where only position decides', () => {
    const feature = [
      '市台协成立于1994年，在渝台商台企有了可以依靠的“家”，台胞台商交流不断。',
      '市台协组织台商台企参与“重庆·台湾周”，促进渝台经贸合作。',
      '协会会员近300个，台资企业纷纷加入市台协，渝台交流日益密切。',
    ];
    const other = [
      '川渝省市政协联合协商会议召开，政协委员围绕优化重大生产力布局建言。',
      '政协委员建议，川渝两地共建产业链供应链，优化生产力布局。',
      '四川省政协委员提出，川渝要共建电力系统，优化产业布局。',
    ];
    const text = [
      '同心携手三十载 共绘渝台新篇章',
      '□新重庆-重庆日报首席记者 周尤',
      ...feature,
      '优化重大生产力布局 赋能“双圈”建设',
      '□新重庆-重庆日报记者 何秦阳',
      ...other,
      '渝台经贸合作展现出强劲势头，台资企业纷纷来渝，市台协功不可没。',
      '面向未来，市台协将持续深化渝台交流合作，服务台胞台商台企。',
      '政协委员建议，川渝两地优化生产力布局，共建产业链。',
    ].join('\n\n');
    const ctx = createContext('extract');
    const articles = splitArticles(text, {}, ctx);
    expect(articles.map((a) => a.paragraphs.length)).toEqual([5, 4]);
    expect(articles[0]?.paragraphs.map((p) => p.text.slice(0, 6))).toEqual([
      '市台协成立于',
      '市台协组织台',
      '协会会员近3',
      '渝台经贸合作',
      '面向未来，市',
    ]);
    expect(splitArticles(text, { reassign: false }).map((a) => a.paragraphs.length)).toEqual([3, 6]);
  });
});

describe('splitArticles on other layouts', () => {
  let paragraphCount = 0;
  const body = (n: number) =>
    Array.from(
      { length: n },
      () => `这是第${++paragraphCount}段正文，讲述了一件事情的经过和各方的看法，内容较长。`,
    );

  it('starts an article at each headline set over its byline, and keeps subheadings inside', () => {
    const text = [
      '城市更新让老街焕发新生机\n本报记者 张 明 王小红',
      body(2).join('\n'),
      '街巷变了模样',
      body(2).join('\n'),
      '夜经济点亮消费新场景（市场观察）\n李华',
      body(3).join('\n'),
    ].join('\n\n');
    expect(
      splitArticles(text).map((a) => ({
        kicker: a.kicker,
        title: a.title,
        reporters: a.byline.reporters.map((r) => r.name),
        paragraphs: a.paragraphs.length,
      })),
    ).toEqual([
      { kicker: undefined, title: '城市更新让老街焕发新生机', reporters: ['张明', '王小红'], paragraphs: 4 },
      { kicker: '市场观察', title: '夜经济点亮消费新场景', reporters: ['李华'], paragraphs: 3 },
    ]);
  });

  it('reads a broadcast transcript: long story headings over 「X消息（节目）：」 leads', () => {
    const heading =
      '全国多地开展秋季农业生产工作 各地因地制宜抢抓农时确保秋粮颗粒归仓 农业农村部派出工作组指导';
    const text = [
      '新闻摘要',
      '1.全国多地开展秋季农业生产工作；',
      heading,
      `央视网消息（新闻联播）：${body(1)[0]}\n${body(1)[0]}`,
      '【新闻特写】山村里的夜校',
      `央视网消息（新闻联播）：${body(1)[0]}`,
    ].join('\n\n');
    expect(splitArticles(text).map((a) => [a.kicker, a.title])).toEqual([
      [undefined, '新闻摘要'],
      [undefined, heading],
      ['新闻特写', '山村里的夜校'],
    ]);
  });

  it('moves a wire credit that ends the article into its byline and dateline, and keeps a repeated paragraph once', () => {
    const [a, b] = body(2) as [string, string];
    const text = [
      '全省秋粮收购进度过半\n新华社记者',
      `${a}\n${b}\n${a}`,
      '（新华社北京10月19日电 记者张明、',
      '王小红）',
    ].join('\n\n');
    const [article] = splitArticles(text);
    expect(article?.byline.reporters.map((r) => r.name)).toEqual(['张明', '王小红']);
    expect(article?.dateline).toBe('北京10月19日电');
    expect(article?.paragraphs.map((p) => p.text)).toEqual([a, b]);
  });

  it('reads a couplet headline as one title and a byline broken after its role', () => {
    const text = ['绘就山乡新画卷\n共谱振兴新篇章\n本报记者\n张\n明', body(2).join('\n')].join('\n\n');
    const [article] = splitArticles(text);
    expect(article?.title).toBe('绘就山乡新画卷 共谱振兴新篇章');
    expect(article?.byline.reporters).toEqual([{ name: '张明', role: '记者' }]);
  });
});
