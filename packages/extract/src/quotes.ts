/**
 * Quotes and who said them: 「“……”市政府台办有关负责人表示」, 「张兴海表示，……」,
 * 「蓝逢辉开门见山地说：“……”」, and interview turns 「董建国：……」.
 */
import type { Quote } from '@xinwen/core';

/** Options of {@link findQuotes}. */
export interface FindQuotesOptions {
  /**
   * Names of people known to be in the text (from {@link findPeople}); a speaker phrase ending in
   * one of them is reduced to the name, and reported speech 「X表示，……」 is taken only for them.
   * @default []
   */
  people?: readonly string[];
  /**
   * Names that open interview turns besides the people: the interviewer (「重庆日报：」, 「记者：」).
   * @default ['记者', '本报记者', '重庆日报']
   */
  interviewers?: readonly string[];
}

const verbs =
  '表示|说|介绍|称|指出|强调|坦言|认为|建议|告诉(?:[^，。“”]{0,8}记者)?|透露|直言|谈到|回忆说|感慨道|解释说';
const minQuote = 8;
const afterRe = new RegExp(`“([^“”]+)”([^“”。！？]{1,40}?)(?:${verbs})`, 'g');
const beforeRe = new RegExp(`([^，。；！？“”]{1,40}?)(?:${verbs})(?:道)?[：:]“([^“”]+)”`, 'g');
const spokespersonRe = new RegExp(
  `(?:^|[。”？！])\\s*([^，。；？！“”]{2,30}负责人)(?:还|也|则|又)?(?:${verbs})[，,]([^。！？]+[。！？])`,
  'g',
);

function speakerOf(phrase: string, people: readonly string[]): string | undefined {
  const p = phrase
    .replace(/^[，,。\s]+/, '')
    .replace(/(?:还|也|则|又|更|就|曾|都|开门见山地|激动地|笑着)+$/, '');
  if (p.length === 0 || p.length > 40) return undefined;
  const person = people.find((name) => p.endsWith(name));
  return person ?? p;
}

function clip(text: string): string {
  return text.trim();
}

/**
 * Finds quotes in `text` (paragraphs separated by line breaks). A direct quote needs a speaker
 * after it (「“……”X表示」) or before it (「X说：“……”」), or must stand as a whole sentence opening a
 * paragraph; short quoted terms (「“双城记”」) are not quotes. Reported speech counts when the
 * speaker is a known person: 「张兴海表示，……。」. Interview turns give one quote per paragraph,
 * the turn's speaker carried over to the paragraphs that continue it.
 */
export function findQuotes(text: string, options: FindQuotesOptions = {}): Quote[] {
  const people = [...(options.people ?? [])].sort((a, b) => b.length - a.length);
  const interviewers = options.interviewers ?? ['记者', '本报记者', '重庆日报'];
  const turnNames = new Set([...people, ...interviewers]);
  const out: Quote[] = [];
  const seen = new Set<string>();
  const push = (q: string, speaker: string | undefined) => {
    const t = clip(q);
    if (t.length < minQuote || seen.has(t)) return;
    seen.add(t);
    out.push(speaker ? { text: t, speaker } : { text: t });
  };

  const names = people.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const reportedRe =
    people.length > 0
      ? new RegExp(
          `(?:^|[。”，？！])[^，。；？！“”]{0,40}?(${names})(?:还|也|则|又)?(?:${verbs})[，,]([^。！？]+[。！？])`,
          'g',
        )
      : undefined;
  let turn: string | undefined;
  for (const paragraph of text.split(/\n+/)) {
    const turnMatch = /^([\p{Script=Han}]{2,6})[：:](.+)$/u.exec(paragraph);
    if (turnMatch && turnNames.has(turnMatch[1]!)) {
      turn = turnMatch[1]!;
      push(turnMatch[2]!, turn);
      continue;
    }
    if (turn !== undefined) {
      // A turn goes on until a paragraph that looks like something else (a heading or another voice).
      if (/[。！？”]$/.test(paragraph) && !/^“/.test(paragraph)) {
        push(paragraph, turn);
        continue;
      }
      turn = undefined;
    }
    // “……”X表示
    const quoted = paragraph.includes('”');
    if (quoted)
      for (const m of paragraph.matchAll(afterRe)) {
        push(m[1]!, speakerOf(m[2]!, people));
      }
    // X说：“……”
    if (quoted && /[：:]“/.test(paragraph))
      for (const m of paragraph.matchAll(beforeRe)) {
        push(m[2]!, speakerOf(m[1]!, people));
      }
    // A paragraph that opens with a whole quoted sentence and no speaker: “……。”
    const bare = /^“([^“”]+[。！？…])”/.exec(paragraph);
    if (bare) push(bare[1]!, undefined);
    // Reported speech by a spokesperson: 市政府台办有关负责人介绍，……。
    if (paragraph.includes('负责人')) for (const m of paragraph.matchAll(spokespersonRe)) push(m[2]!, m[1]!);
    // Reported speech by a known person: 张兴海表示，……。
    if (reportedRe) for (const m of paragraph.matchAll(reportedRe)) push(m[2]!, m[1]!);
  }
  return out;
}
