import { describe, expect, it } from 'vitest';
import { findOrganizations } from './organizations.js';

describe('findOrganizations', () => {
  it('finds companies, groups and government bodies', () => {
    expect(
      findOrganizations(
        '如今，协会有会员近300个，永固集团、康师傅控股有限公司加入。9月5日，市国资委举行报告会，市民政局党组书记出席。',
      ),
    ).toEqual([
      { name: '永固集团', count: 1 },
      { name: '康师傅控股有限公司', count: 1 },
      { name: '市国资委', count: 1 },
      { name: '市民政局', count: 1 },
    ]);
  });

  it('keeps 和 inside a name, the longest name at one start, and leaves 《titles》 out', () => {
    expect(
      findOrganizations(
        '本报邀请市发展和改革委员会党组书记出席。重庆渝富控股集团有限公司参与。发布《汇聚双城商协会力量共促成渝经济圈建设》倡议。',
      ),
    ).toEqual([
      { name: '市发展和改革委员会', count: 1 },
      { name: '重庆渝富控股集团有限公司', count: 1 },
    ]);
  });

  it('does not take 布局 or 委员 for organizations', () => {
    expect(findOrganizations('优化重大生产力布局，政协委员建议')).toEqual([]);
  });

  it('takes a generic ending after common nouns alone for a common noun when tokens are given', () => {
    const text = '发展农业保险，永固银行参与。';
    const words: [string, string][] = [
      ['发展', 'vn'],
      ['农业', 'n'],
      ['保险', 'n'],
      ['，', 'w'],
      ['永固', 'nz'],
      ['银行', 'n'],
      ['参与', 'v'],
      ['。', 'w'],
    ];
    let at = 0;
    const tokens = words.map(([w, pos]) => {
      const t = { text: w, pos, start: at, end: at + w.length };
      at += w.length;
      return t;
    });
    expect(findOrganizations(text, tokens)).toEqual([{ name: '永固银行', count: 1 }]);
  });

  it('takes a name ending in an event word for an event, not a body', () => {
    expect(findOrganizations('省运动会今天开幕，省体育局局长出席。')).toEqual([
      { name: '省体育局', count: 1 },
    ]);
  });
});
