import { describe, expect, it } from 'vitest';
import { findPeople } from './people.js';

describe('findPeople', () => {
  it('reads a name after a chain of titles', () => {
    expect(
      findPeople('市委宣讲团成员，市民政局党组书记、局长丁中平作宣讲报告。丁中平表示，全市民政系统要聚焦。'),
    ).toEqual([{ name: '丁中平', titles: ['市民政局党组书记', '局长'], count: 2 }]);
  });

  it('decides between two- and three-character names by what follows', () => {
    const text =
      '市发展改革委党组书记、主任高健说，将加快推进。重庆市政协委员、西部科学城重庆高新区管委会副主任张炎在调研中发现问题。' +
      '宜宾市政协委员、四川时代新能源科技有限公司副总经理杨伟平坦言：“仍有差距。”';
    expect(findPeople(text).map((p) => p.name)).toEqual(['高健', '张炎', '杨伟平']);
  });

  it('merges titles of the same person and counts every mention', () => {
    const people = findPeople(
      '市社联党组书记、副主席李保海作宣讲报告。李保海表示，要学习。市文联党组书记、副主席李保海作宣讲报告。',
    );
    expect(people).toEqual([
      { name: '李保海', titles: ['市社联党组书记', '副主席', '市文联党组书记'], count: 3 },
    ]);
  });

  it('reads a name before 总书记 and leaves the reporters out', () => {
    expect(
      findPeople('深入学习领会习近平总书记重要讲话精神。记者周尤报道，会长黄光志出席。', {
        exclude: ['周尤'],
      }),
    ).toEqual([
      { name: '习近平', titles: ['总书记'], count: 1 },
      { name: '黄光志', titles: ['会长'], count: 1 },
    ]);
  });

  it('keeps a title whole when it holds 据 or 和 (大数据, 发展和改革)', () => {
    expect(
      findPeople(
        '日前，本报邀请市发展和改革委员会党组书记、主任董建国，市大数据应用发展管理局党组书记、局长罗清泉。',
      ),
    ).toEqual([
      { name: '董建国', titles: ['市发展和改革委员会党组书记', '主任'], count: 1 },
      { name: '罗清泉', titles: ['市大数据应用发展管理局党组书记', '局长'], count: 1 },
    ]);
  });

  it('does not take a spokesperson or 委员会 for a name', () => {
    expect(findPeople('市政府台办有关负责人表示，常委会委员会议召开。')).toEqual([]);
  });

  it('takes a word the segmenter tagged as a common word for no name when tokens are given', () => {
    const text = '双方表示，王小明表示同意。';
    const tokens = [
      { text: '双方', pos: 'n', start: 0, end: 2 },
      { text: '表示', pos: 'v', start: 2, end: 4 },
      { text: '，', pos: 'w', start: 4, end: 5 },
      { text: '王小明', pos: 'nr', start: 5, end: 8 },
      { text: '表示', pos: 'v', start: 8, end: 10 },
      { text: '同意', pos: 'v', start: 10, end: 12 },
      { text: '。', pos: 'w', start: 12, end: 13 },
    ];
    expect(findPeople(text, { tokens })).toEqual([{ name: '王小明', titles: [], count: 1 }]);
  });

  it('needs more than a weak follower for a two-character word the segmenter tags as a name', () => {
    const text = '县长高度评价。白云是山的帽子。王明说好。';
    const words: [string, string][] = [
      ['县长', 'n'],
      ['高度', 'nr'],
      ['评价', 'v'],
      ['。', 'w'],
      ['白云', 'nr'],
      ['是', 'v'],
      ['山', 'n'],
      ['的', 'uj'],
      ['帽子', 'n'],
      ['。', 'w'],
      ['王明', 'nr'],
      ['说', 'v'],
      ['好', 'a'],
      ['。', 'w'],
    ];
    let at = 0;
    const tokens = words.map(([w, pos]) => {
      const t = { text: w, pos, start: at, end: at + w.length };
      at += w.length;
      return t;
    });
    expect(findPeople(text, { tokens })).toEqual([{ name: '王明', titles: [], count: 1 }]);
  });

  it('takes a three-character dictionary name ending like a common word for no name', () => {
    const text = '路边的白桦树很高。';
    const tokens = [
      { text: '路边', pos: 'n', start: 0, end: 2 },
      { text: '的', pos: 'uj', start: 2, end: 3 },
      { text: '白桦树', pos: 'nr', start: 3, end: 6 },
      { text: '很', pos: 'd', start: 6, end: 7 },
      { text: '高', pos: 'a', start: 7, end: 8 },
      { text: '。', pos: 'w', start: 8, end: 9 },
    ];
    expect(findPeople(text, { tokens })).toEqual([]);
  });

  it('reads a roster of names joined by 、 and leaves parallel phrases alone', () => {
    expect(findPeople('王小明、李大刚、张军、陈文华出席。').map((p) => p.name)).toEqual([
      '王小明',
      '李大刚',
      '张军',
      '陈文华',
    ]);
    const names = findPeople('要让农业强、农村美、农民富。').map((p) => p.name);
    expect(names).not.toContain('农业强');
    expect(names).not.toContain('农村美');
  });

  it('reads transliterated names, joined by a dot or not, and every title of a chain', () => {
    expect(
      findPeople('美国总统特朗普表示，理查德·赖尔登市长出席。中共中央政治局常委、国务院总理李强会见。'),
    ).toEqual([
      { name: '特朗普', titles: ['美国总统'], count: 1 },
      { name: '理查德·赖尔登', titles: ['市长'], count: 1 },
      { name: '李强', titles: ['中共中央政治局常委', '国务院总理'], count: 1 },
    ]);
  });
});
