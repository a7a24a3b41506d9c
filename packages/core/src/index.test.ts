import { describe, expect, it } from 'vitest';
import * as core from './index.js';

describe('@xinwen/core public API', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(core).sort()).toEqual([
      'ArticleSchema',
      'BylineSchema',
      'DamagedSchema',
      'DateMentionSchema',
      'DatelineSchema',
      'DedupeSchema',
      'KeywordSchema',
      'MoneySchema',
      'NamedRoleSchema',
      'NearDuplicateSchema',
      'NormalizedSchema',
      'OrganizationSchema',
      'PageSchema',
      'PercentageSchema',
      'PersonSchema',
      'PlaceSchema',
      'ProcessedDocumentSchema',
      'QuoteSchema',
      'RemovedSchema',
      'RepeatedParagraphSchema',
      'ScriptSchema',
      'SegmentedSchema',
      'SourceSchema',
      'SpanSchema',
      'TokenSchema',
      'WarningSchema',
      'WebPageSchema',
      'WebSectionSchema',
      'XinwenError',
      'contentId',
      'createContext',
      'errorCodes',
      'isContentId',
      'isXinwenError',
      'sha256Hex',
      'stageNames',
    ]);
  });
});
