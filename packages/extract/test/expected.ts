/**
 * What a reader sees on each seed page, written out by hand from reading the seed files (not from
 * the extractor's output). Used by src/seeds.test.ts and tooling/eval-extract.ts.
 *
 * Conventions: a subtitle is given without its leading 「——」; dates are every day, day range,
 * month or month range the article's paragraphs name (a year alone, such as 「2027年」, is not a
 * date); money is every amount in the paragraphs as [value, currency, approx]; people are the
 * people the article names, without its own reporters.
 */

/** One expected article. */
export interface ExpectedArticle {
  kicker?: string;
  title: string;
  subtitle?: string;
  continuedFrom?: string;
  /** The opening words of the article's first paragraph, to tell which extracted article is this one. */
  starts: string;
  reporters: [name: string, role: string][];
  agency?: string;
  dates: [date: string, end?: string][];
  money: [value: number, currency: string, approx: boolean][];
  people: string[];
}

/** One expected page. */
export interface ExpectedPage {
  seed: string;
  page: { date?: string; publication?: string; editors: [name: string, role: string][] };
  /** For a page that prints no date: the day it was published, as its source gives it (the extract stage's `referenceDate`). */
  reference?: string;
  articles: ExpectedArticle[];
}

export const expectedPages: ExpectedPage[] = [
  {
    seed: '000_b6d3aba162f0a3bb.txt',
    page: { publication: '重庆日报', editors: [] },
    articles: [
      {
        kicker: '深入学习贯彻 党的二十大精神',
        title: '以进一步全面深化改革为动力 高水平推动现代化新重庆建设',
        starts: '连日来，学习贯彻党的二十大精神市委宣讲团',
        reporters: [
          ['李立成', '记者'],
          ['张莎', '记者'],
          ['余振芳', '记者'],
          ['唐琴', '记者'],
        ],
        agency: '重庆日报',
        dates: [['2024-09-05'], ['2024-09-05'], ['2024-09-05'], ['2024-09-06']],
        money: [],
        people: ['丁中平', '曾菁华', '李保海', '习近平'],
      },
      {
        title: '同心携手三十载 共绘渝台新篇章',
        subtitle: '写在重庆市台湾同胞投资企业协会成立30年之际',
        starts: '弹指一挥间，匆匆三十载。',
        reporters: [['周尤', '首席记者']],
        agency: '新重庆-重庆日报',
        dates: [['1994-06-15'], ['1994-06-29'], ['2024-06-01', '2024-06-30']],
        money: [
          [40_000_000, 'CNY', true],
          [80_000, 'CNY', false],
          [100_000_000_000, 'CNY', true],
          [10_000_000, 'USD', true],
          [32_362_000_000, 'USD', false],
          [26_700_000_000, 'CNY', false],
          [65_000_000_000, 'CNY', true],
        ],
        people: ['黄光志', '宏文', '李文勋'],
      },
      {
        kicker: '川渝省市政协联合协商',
        title: '优化重大生产力布局 赋能“双圈”建设',
        starts: '2024年是成渝地区双城经济圈建设的第五年',
        reporters: [['何秦阳', '记者']],
        agency: '新重庆-重庆日报',
        dates: [['2024-09-06']],
        money: [],
        people: ['蓝逢辉', '卢铁城', '李军', '张兴海', '杨伟平', '张炎'],
      },
    ],
  },
  {
    seed: '001_1dec3f20949d3dbf.txt',
    page: { publication: '重庆日报', editors: [] },
    reference: '2024-09-05',
    articles: [
      {
        title: '第十六届“重庆·台湾周”9月10日开幕',
        subtitle: '涵盖经贸合作等5大板块18个分项活动',
        starts: '9月4日，记者从第十六届“重庆·台湾周”新闻发布会上获悉',
        reporters: [['周尤', '首席记者']],
        agency: '新重庆-重庆日报',
        dates: [['2024-09-04'], ['2024-09-09', '2024-09-13'], ['2024-09-10'], ['2024-09-10', '2024-09-15']],
        money: [
          [10_870_000_000, 'CNY', false],
          [6_500_000_000, 'CNY', false],
          [2_000_000_000, 'CNY', false],
          [50_000_000, 'CNY', false],
          [10_000_000, 'CNY', false],
          [10_000_000, 'CNY', false],
          [2_000_000_000, 'CNY', false],
          [100_000_000, 'CNY', false],
          [200_000_000, 'CNY', false],
        ],
        people: [],
      },
      {
        kicker: '李明清在合川、铜梁调研时强调',
        title: '加快三级治理中心基本能力建设 推进城乡治理一体化',
        starts: '9月2日至3日，市委副书记李明清前往合川区、铜梁区调研',
        reporters: [
          ['张珺', '记者'],
          ['程俊豪', '实习生'],
        ],
        agency: '新重庆-重庆日报',
        dates: [['2024-09-02', '2024-09-03']],
        money: [],
        people: ['李明清'],
      },
      {
        title: '市人力社保局举行学习贯彻党的二十届三中全会精神宣讲会',
        starts: '9月4日，市人力社保局举行学习贯彻',
        reporters: [['杨锐豪', '记者']],
        agency: '新重庆-重庆日报',
        dates: [['2024-09-04']],
        money: [],
        people: ['江敦涛', '习近平'],
      },
      {
        kicker: '改革奋进正当时',
        title: '重庆“33618”现代制造业集群加快提能级',
        continuedFrom: '1版',
        starts: '其中，在传统产业转型升级方面',
        reporters: [
          ['崔力', '摄影'],
          ['张锦辉', '摄影'],
        ],
        dates: [
          ['2024-01-01', '2024-07-31'],
          ['2024-06-01', '2024-06-30'],
        ],
        money: [[25_773_000_000, 'USD', false]],
        people: [],
      },
      {
        title: '重庆加快培育“2346”人工智能及服务机器人产业集群',
        starts: '2027年，重庆人工智能及服务机器人产业集群建设',
        reporters: [],
        dates: [],
        money: [[30_000_000_000, 'CNY', true]],
        people: [],
      },
    ],
  },
  {
    seed: '002_22c9c10bbe16d571.txt',
    page: { date: '2023-03-31', publication: '重庆日报', editors: [] },
    articles: [
      {
        kicker: '三年来两地共推产业共兴、要素共用、服务共融',
        title: '川渝齐心做大做强民营经济',
        starts: '强化合作交流、促成精准合作、凝聚发展合力',
        reporters: [],
        dates: [['2020-01-01', '2020-01-31'], ['2023-03-31'], ['2020-07-01', '2020-07-31'], ['2023-03-30']],
        money: [
          [15_000_000_000, 'CNY', false],
          [20_000_000_000, 'CNY', true],
          [1_740_000_000_000, 'CNY', false],
          [3_000_000_000_000, 'CNY', true],
        ],
        people: ['秦明', '雷文睿', '游洪涛', '孙宁'],
      },
    ],
  },
  {
    seed: '003_ea90497b5cb0cfb5.txt',
    page: {
      date: '2024-06-22',
      publication: '重庆日报',
      editors: [
        ['罗皓皓', '责编'],
        ['张辉', '美编'],
      ],
    },
    articles: [
      {
        title: '深化改革激发创新活力 相互赋能发展新质生产力',
        subtitle: '重庆赴广安考察党政代表团热议共同唱好新时代西部“双城记”',
        starts: '6月21日，重庆市党政代表团赴四川省广安市考察',
        reporters: [
          ['余振芳', '记者'],
          ['唐琴', '记者'],
        ],
        agency: '新重庆-重庆日报',
        dates: [['2024-06-21']],
        money: [],
        people: [
          '高健',
          '扈万泰',
          '尹国喜',
          '唐大军',
          '章勇武',
          '文天平',
          '蒲彬彬',
          '王志杰',
          '曹菁华',
          '李庆',
          '张智奎',
        ],
      },
      {
        title: '',
        starts: '昨天，推动成渝地区双城经济圈建设重庆四川党政联席会议',
        reporters: [],
        agency: '新重庆-重庆日报',
        dates: [['2024-06-21']],
        money: [],
        people: ['习近平'],
      },
      {
        kicker: '重庆四川党政联席会议第九次会议特别报道',
        title: '双城经济圈建设 进入全面提速、积厚成势新阶段',
        starts: '6月21日，推动成渝地区双城经济圈建设重庆四川党政联席会议第九次会议举行成果发布会',
        reporters: [
          ['唐琴', '记者'],
          ['余振芳', '记者'],
        ],
        agency: '新重庆-重庆日报',
        dates: [
          ['2024-06-21'],
          ['2024-01-01', '2024-06-30'],
          ['2024-01-01', '2024-06-30'],
          ['2024-01-01', '2024-05-31'],
          ['2024-01-01', '2024-05-31'],
          ['2024-01-01', '2024-06-30'],
          ['2024-01-01', '2024-05-31'],
          ['2024-01-01', '2024-06-30'],
          ['2024-01-01', '2024-05-31'],
          ['2024-01-01', '2024-05-31'],
        ],
        money: [
          [30_960_000_000, 'CNY', false],
          [280_000_000_000, 'CNY', true],
          [40_000_000_000, 'CNY', true],
        ],
        people: [],
      },
    ],
  },
  {
    seed: '004_805a3a0c2883bed2.txt',
    page: { publication: '重庆日报', editors: [] },
    reference: '2020-05-01',
    articles: [
      {
        title: '加快现代产业体系建设 重庆如何发力',
        starts: '重庆日报：产业，是推动成渝地区',
        reporters: [],
        dates: [['2020-01-01', '2020-06-30']],
        money: [],
        people: ['董建国', '陈金山', '封毅', '罗清泉'],
      },
      {
        title: '川渝开展“千校万岗”线上就业服务',
        subtitle: '已征集岗位9.4万余个',
        starts: '5月2日，重庆日报记者从团市委了解到',
        reporters: [['杨铌紫', '记者']],
        agency: '本报',
        dates: [
          ['2020-05-02'],
          ['2020-03-01', '2020-03-31'],
          ['2020-05-01', '2020-05-10'],
          ['2020-04-22', '2020-04-30'],
          ['2020-04-28', '2020-04-30'],
        ],
        money: [],
        people: ['伍渝赣', '周宇', '潘科'],
      },
      {
        title: '双城经济圈首只发展基金将落地重庆高新区',
        subtitle: '总规模300亿元',
        starts: '重庆日报记者获悉，4月29日上午',
        reporters: [['白麟', '记者']],
        agency: '本报',
        dates: [['2020-04-29']],
        money: [
          [30_000_000_000, 'CNY', false],
          [10_000_000_000, 'CNY', false],
        ],
        people: [],
      },
      {
        title: '捧出“干货”来合作',
        subtitle: '周边邻里更“亲热”',
        continuedFrom: '1版',
        starts: '前景令人振奋，但如何才能让文旅走廊真正畅通起来',
        reporters: [],
        dates: [['2020-04-17'], ['2020-05-01', '2020-05-31'], ['2020-04-26'], ['2019-12-01', '2019-12-31']],
        money: [],
        people: [],
      },
      {
        title: '川渝侨联签署战略合作协议',
        subtitle: '围绕六个方面开展合作',
        starts: '4月30日，市侨联与四川省侨联在成都签署',
        reporters: [['杨铌紫', '记者']],
        agency: '本报',
        dates: [['2020-04-30']],
        money: [],
        people: [],
      },
    ],
  },
];
