/**
 * The document model. Field names are a contract other tools read: extend, don't rename.
 * Offsets are UTF-16 code units into `normalized.text`, except in `normalized.removed`, where they
 * point into the decoded raw text.
 */
import { z } from 'zod';

const offset = z.number().int().nonnegative();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a YYYY-MM-DD date');

export const SpanSchema = z.object({ start: offset, end: offset });
export type Span = z.infer<typeof SpanSchema>;

export const WarningSchema = z.object({
  stage: z.string().optional(),
  code: z.string(),
  message: z.string(),
  start: offset.optional(),
  end: offset.optional(),
});
export type Warning = z.infer<typeof WarningSchema>;

export const SourceSchema = z.object({
  uri: z.string().optional(),
  contentType: z.string(),
  encoding: z.string(),
  encodingConfidence: z.number().min(0).max(1).optional(),
});
export type Source = z.infer<typeof SourceSchema>;

export const ScriptSchema = z.enum(['hans', 'hant', 'mixed']);
export type Script = z.infer<typeof ScriptSchema>;

export const RemovedSchema = z.object({ kind: z.string(), text: z.string(), start: offset, end: offset });
export type Removed = z.infer<typeof RemovedSchema>;

export const DamagedSchema = z.object({ start: offset, end: offset, hint: z.string().optional() });
export type Damaged = z.infer<typeof DamagedSchema>;

export const NamedRoleSchema = z.object({ name: z.string(), role: z.string() });
export type NamedRole = z.infer<typeof NamedRoleSchema>;

/** A heading of a structured input (Markdown) and the span of its section in `normalized.text`. */
export const WebSectionSchema = z.object({
  level: z.number().int().min(1).max(6),
  title: z.string(),
  /** Where the heading's text starts. */
  start: offset,
  /** Where the next heading starts (or the end of the text). */
  end: offset,
});
export type WebSection = z.infer<typeof WebSectionSchema>;

/**
 * What a web page or a Markdown document says about itself, read by normalize from its markup.
 * Present only for HTML and Markdown input.
 */
export const WebPageSchema = z.object({
  format: z.enum(['html', 'markdown']),
  /** The headline (without the site name the `<title>` adds). */
  title: z.string().optional(),
  /** Publish time, ISO 8601 with its offset (China time, +08:00, when the page names no zone). */
  publishedAt: z.string().optional(),
  /** The source or publication the page names (来源, 《新闻联播》). */
  source: z.string().optional(),
  siteName: z.string().optional(),
  canonicalUrl: z.string().optional(),
  /** Authors the page names in a labelled field (作者：…). */
  authors: z.array(NamedRoleSchema),
  /** Web editors (责任编辑). */
  editors: z.array(NamedRoleSchema),
  /** Short lines between the headline and the main content (date, source, author lines). */
  header: z.array(z.string()),
  /** Headings of a Markdown document with their sections. */
  sections: z.array(WebSectionSchema),
});
export type WebPage = z.infer<typeof WebPageSchema>;

export const NormalizedSchema = z.object({
  text: z.string(),
  script: ScriptSchema,
  fixes: z.record(z.string(), z.number().int().nonnegative()),
  removed: z.array(RemovedSchema),
  damaged: z.array(DamagedSchema),
  /** Present for HTML and Markdown input: the page's own title, time, source and sections. */
  web: WebPageSchema.optional(),
});
export type Normalized = z.infer<typeof NormalizedSchema>;

export const TokenSchema = z.object({ text: z.string(), pos: z.string(), start: offset, end: offset });
export type Token = z.infer<typeof TokenSchema>;

export const KeywordSchema = z.object({ word: z.string(), weight: z.number() });
export type Keyword = z.infer<typeof KeywordSchema>;

export const SegmentedSchema = z.object({
  sentences: z.array(SpanSchema),
  tokens: z.array(TokenSchema),
  keywords: z.array(KeywordSchema),
});
export type Segmented = z.infer<typeof SegmentedSchema>;

export const PageSchema = z.object({
  date: isoDate.optional(),
  publication: z.string().optional(),
  editors: z.array(NamedRoleSchema),
});
export type Page = z.infer<typeof PageSchema>;

export const BylineSchema = z.object({
  text: z.string(),
  reporters: z.array(NamedRoleSchema),
  agency: z.string().optional(),
});
export type Byline = z.infer<typeof BylineSchema>;

export const DatelineSchema = z.object({ text: z.string(), date: isoDate.optional() });
export type Dateline = z.infer<typeof DatelineSchema>;

export const PersonSchema = z.object({
  name: z.string(),
  titles: z.array(z.string()),
  count: z.number().int().positive(),
});
export type Person = z.infer<typeof PersonSchema>;

export const OrganizationSchema = z.object({ name: z.string(), count: z.number().int().positive() });
export type Organization = z.infer<typeof OrganizationSchema>;

export const PlaceSchema = z.object({
  name: z.string(),
  level: z.string().optional(),
  count: z.number().int().positive(),
});
export type Place = z.infer<typeof PlaceSchema>;

export const MoneySchema = z.object({
  text: z.string(),
  /** In currency units: 108.7亿元 → 10870000000. */
  value: z.number(),
  /** ISO 4217 code: CNY, USD, … */
  currency: z.string(),
  /** True for every amount that is not exact (约, 多, 以上, a vague range …). */
  approx: z.boolean(),
  /** How the amount is approximate: about (约, 左右), atLeast (超过, 以上), atMost (不到, 以内). */
  approxKind: z.enum(['exact', 'about', 'atLeast', 'atMost']).optional(),
  /** Lower bound of a range or vague amount (3000多 → 3000); `value` is the same number. */
  min: z.number().optional(),
  /** Upper bound of a range such as 10亿至20亿元, or of a vague amount (3000多 → 4000). */
  max: z.number().optional(),
});
export type Money = z.infer<typeof MoneySchema>;

export const PercentageSchema = z.object({
  text: z.string(),
  value: z.number(),
  unit: z.enum(['percent', 'points']),
});
export type Percentage = z.infer<typeof PercentageSchema>;

const clock = z.string().regex(/^\d{2}:\d{2}(?::\d{2})?$/, 'expected an HH:MM time');

export const DateMentionSchema = z.object({
  text: z.string(),
  /** The first day the mention covers. */
  date: isoDate,
  /** The last day of a range or period (6月上旬 → the 10th). */
  end: isoDate.optional(),
  /** Time of day on `date` (下午3点 → 15:00). */
  time: clock.optional(),
  /** Time of day on the last day (晚上9~11点 → 23:00). */
  endTime: clock.optional(),
});
export type DateMention = z.infer<typeof DateMentionSchema>;

export const QuoteSchema = z.object({ text: z.string(), speaker: z.string().optional() });
export type Quote = z.infer<typeof QuoteSchema>;

export const ArticleSchema = z.object({
  kicker: z.string().optional(),
  title: z.string(),
  subtitle: z.string().optional(),
  byline: BylineSchema,
  dateline: DatelineSchema.optional(),
  date: isoDate.optional(),
  paragraphs: z.array(z.string()),
  captions: z.array(z.string()),
  continuedFrom: z.string().optional(),
  people: z.array(PersonSchema),
  organizations: z.array(OrganizationSchema),
  places: z.array(PlaceSchema),
  money: z.array(MoneySchema),
  percentages: z.array(PercentageSchema),
  dates: z.array(DateMentionSchema),
  quotes: z.array(QuoteSchema),
  keywords: z.array(KeywordSchema),
});
export type Article = z.infer<typeof ArticleSchema>;

export const RepeatedParagraphSchema = z.object({
  /** Index of the first occurrence in the document's paragraphs. */
  first: z.number().int().nonnegative(),
  /** Index of the repeat. */
  repeat: z.number().int().nonnegative(),
  similarity: z.number().min(0).max(1),
});
export type RepeatedParagraph = z.infer<typeof RepeatedParagraphSchema>;

export const NearDuplicateSchema = z.object({ id: z.string(), similarity: z.number().min(0).max(1) });
export type NearDuplicate = z.infer<typeof NearDuplicateSchema>;

export const DedupeSchema = z.object({
  /** `sha256:<hex>` of the normalized text. */
  contentHash: z.string(),
  /** 64-bit SimHash as 16 hex digits. */
  simhash: z.string(),
  repeatedParagraphs: z.array(RepeatedParagraphSchema),
  exactDuplicateOf: z.string().optional(),
  nearDuplicates: z.array(NearDuplicateSchema),
  clusterId: z.string().optional(),
});
export type Dedupe = z.infer<typeof DedupeSchema>;

/**
 * A document after the pipeline. Stage results are optional because a document in the store may
 * be part-way through, and because a pipeline may be built with only some stages.
 */
export const ProcessedDocumentSchema = z.object({
  id: z.string().min(1),
  source: SourceSchema,
  normalized: NormalizedSchema.optional(),
  segmented: SegmentedSchema.optional(),
  page: PageSchema.optional(),
  articles: z.array(ArticleSchema).optional(),
  dedupe: DedupeSchema.optional(),
  /** Non-fatal findings of every stage, in order. */
  warnings: z.array(WarningSchema),
});
export type ProcessedDocument = z.infer<typeof ProcessedDocumentSchema>;

/** The stages, in pipeline order. */
export const stageNames = ['normalize', 'segment', 'extract', 'dedupe'] as const;
export type StageName = (typeof stageNames)[number];
