/**
 * Each stage's options as the pipeline takes them, checked with zod before any stage is built, so
 * a misspelt option or a value of the wrong type fails at once with `invalid_options` naming the
 * option (`extract.referenceDate`) rather than being ignored. The options are checked, not
 * rewritten: each stage gets exactly the object the caller passed. The stage packages check the
 * finer points (a dictionary file that exists, a date that is a real day) themselves.
 */
import { XinwenError } from '@xinwen/core';
import { z } from 'zod';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date, YYYY-MM-DD')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, 'expected a calendar day, YYYY-MM-DD');

const count = z.number().int().min(0);
const ratio = z.number().min(0).max(1);
const flag = z.boolean().optional();

/** `normalize` options (see `NormalizeOptions` in `@xinwen/normalize`). */
export const NormalizeOptionsSchema = z.strictObject({
  target: z.enum(['simplified', 'traditional', 'taiwan', 'hongkong']).optional(),
  convert: flag,
  pinyinAnnotations: flag,
  mojibake: flag,
  unwrap: flag,
  rejoinSentences: flag,
  splitNumbers: flag,
  width: flag,
  punctuation: flag,
  controlChars: flag,
  whitespace: flag,
  furniture: flag,
  captions: flag,
  boilerplate: z.array(z.union([z.string(), z.instanceof(RegExp)])).optional(),
  html: z.enum(['auto', 'strip', 'reject']).optional(),
  maxBytes: z.number().int().min(1).optional(),
});

const dictionaryEntry = z.strictObject({
  word: z.string().min(1),
  freq: z.number().min(0).optional(),
  tag: z.string().min(1).optional(),
});

/** `segment` options (see `SegmenterOptions` in `@xinwen/segment`). */
export const SegmentOptionsSchema = z.strictObject({
  userDictionary: z.union([z.string().min(1), z.array(dictionaryEntry)]).optional(),
  keywords: count.optional(),
  keywordMethod: z.enum(['tfidf', 'textrank', 'both']).optional(),
  splitCompounds: flag,
  names: flag,
  simplify: flag,
});

/** `extract` options (see `ExtractOptions` in `@xinwen/extract`). */
export const ExtractOptionsSchema = z.strictObject({
  referenceDate: isoDate.optional(),
  layout: z.enum(['auto', 'headline-first', 'headline-after']).optional(),
  reassign: flag,
  keywords: count.optional(),
});

/** `dedupe` options (see `DedupeOptions` in `@xinwen/dedupe`; the index is `dedupeIndex`). */
export const DedupeOptionsSchema = z.strictObject({
  shingleSize: z.number().int().min(1).optional(),
  paragraphs: z
    .strictObject({
      threshold: ratio.optional(),
      containment: ratio.optional(),
      minContainedLength: count.optional(),
      minLength: count.optional(),
      shingleSize: z.number().int().min(1).optional(),
    })
    .optional(),
});

/**
 * The stage options of a pipeline, as a JSON file (`xinwen.config.json`) or the command line
 * gives them: `{ normalize?, segment?, extract?, dedupe? }`.
 */
export const StageOptionsSchema = z.strictObject({
  normalize: NormalizeOptionsSchema.optional(),
  segment: SegmentOptionsSchema.optional(),
  extract: ExtractOptionsSchema.optional(),
  dedupe: DedupeOptionsSchema.optional(),
});

/**
 * Checks stage options; `undefined` members count as absent.
 * @throws XinwenError `invalid_options` naming each bad option, what was expected and what was found.
 */
export function checkStageOptions(options: unknown, where = 'options'): void {
  const parsed = StageOptionsSchema.safeParse(withoutUndefined(options));
  if (parsed.success) return;
  const problems = parsed.error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.map((k) => (path ? `${path}.${k}` : k));
      return `unknown option ${keys.map((k) => `"${k}"`).join(', ')}`;
    }
    return `${path || where}: ${issue.message}`;
  });
  throw new XinwenError('invalid_options', `invalid pipeline ${where}: ${problems.join('; ')}`);
}

/**
 * Options as a stage factory takes them: a copy without `undefined` members, so
 * `{ html: process.env.HTML }` with the variable unset is the same as `{}`.
 */
export function stageOptions<T>(value: T | undefined): Exclude<T, undefined> {
  return (withoutUndefined(value ?? {}) ?? {}) as Exclude<T, undefined>;
}

function withoutUndefined(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof RegExp) {
    return value;
  }
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    if (member !== undefined) out[key] = withoutUndefined(member);
  }
  return out;
}
