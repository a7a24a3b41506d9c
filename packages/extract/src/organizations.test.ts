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

  it('does not take 布局 or 委员 for organizations', () => {
    expect(findOrganizations('优化重大生产力布局，政协委员建议')).toEqual([]);
  });
});
