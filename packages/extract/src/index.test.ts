import { describe, expect, it } from 'vitest';
import * as extractPackage from './index.js';

describe('@xinwen/extract public API', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(extractPackage).sort()).toEqual([
      'createExtractor',
      'extract',
      'findEntities',
      'findOrganizations',
      'findPeople',
      'findPlaces',
      'findQuotes',
      'parseByline',
      'parseDates',
      'parseMoney',
      'parseNumeral',
      'parsePercentages',
      'parseTime',
      'parseTimes',
      'readPage',
      'splitArticles',
    ]);
  });
});
