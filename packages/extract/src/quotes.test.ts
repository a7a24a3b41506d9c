import { describe, expect, it } from 'vitest';
import { findQuotes } from './quotes.js';

describe('findQuotes', () => {
  it('reads a quote with its speaker after it', () => {
    expect(
      findQuotes(
        '“本届台湾周涵盖5大板块、18个分项活动，有四大特点。”市政府台办有关负责人表示，首先是突出服务。',
      ),
    ).toEqual([
      { text: '本届台湾周涵盖5大板块、18个分项活动，有四大特点。', speaker: '市政府台办有关负责人' },
      { text: '首先是突出服务。', speaker: '市政府台办有关负责人' },
    ]);
  });

  it('reduces a titled speaker to the person, and reads reported speech of known people', () => {
    const text =
      '“川渝汽车产业科技创新力不强，对产业链供应链控制力有限。”张兴海表示，赛力斯汽车的川渝供应商占比并不太高。';
    expect(findQuotes(text, { people: ['张兴海'] })).toEqual([
      { text: '川渝汽车产业科技创新力不强，对产业链供应链控制力有限。', speaker: '张兴海' },
      { text: '赛力斯汽车的川渝供应商占比并不太高。', speaker: '张兴海' },
    ]);
  });

  it('reads a quote with the speaker before it', () => {
    expect(
      findQuotes('全国政协委员蓝逢辉开门见山地说：“实现两地的优势互补，需要强大的顶层设计。”', {
        people: ['蓝逢辉'],
      }),
    ).toEqual([{ text: '实现两地的优势互补，需要强大的顶层设计。', speaker: '蓝逢辉' }]);
  });

  it('reads interview turns and carries the speaker over', () => {
    const text =
      '重庆日报：我们接下来将如何发力？\n董建国：市发展改革委将联合四川省发展改革委。\n我们将统筹协调成渝地区承接产业转移。';
    expect(findQuotes(text, { people: ['董建国'] })).toEqual([
      { text: '我们接下来将如何发力？', speaker: '重庆日报' },
      { text: '市发展改革委将联合四川省发展改革委。', speaker: '董建国' },
      { text: '我们将统筹协调成渝地区承接产业转移。', speaker: '董建国' },
    ]);
  });

  it('does not take quoted terms for quotes', () => {
    expect(findQuotes('共同唱好新时代西部“双城记”，推动“四网”融合发展。')).toEqual([]);
  });
});
