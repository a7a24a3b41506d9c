export { parseByline } from './byline.js';
export type { DateFound, ParseDatesOptions } from './dates.js';
export { parseDates } from './dates.js';
export type { EntityMention, EntityType } from './entities.js';
export { findEntities } from './entities.js';
export type { ExtractInput, ExtractOptions, ExtractResult } from './extract.js';
export { createExtractor, extract } from './extract.js';
export type { MoneyMention } from './money.js';
export { parseMoney } from './money.js';
export { parseNumeral } from './numerals.js';
export { findOrganizations } from './organizations.js';
export { readPage } from './page.js';
export type { FindPeopleOptions } from './people.js';
export { findPeople } from './people.js';
export { parsePercentages } from './percentages.js';
export { findPlaces } from './places.js';
export type { FindQuotesOptions } from './quotes.js';
export { findQuotes } from './quotes.js';
export type { ArticleSplit, SpanText, SplitOptions } from './split.js';
export { splitArticles } from './split.js';
export type {
  Duration,
  DurationMention,
  ParseTimeOptions,
  RecurringMention,
  TimeMention,
  TimePointMention,
} from './time.js';
export { parseTime, parseTimes } from './time.js';
