/** Seed-derived documents and near-duplicate variants shared by the backend tests. */
import { findRepeatedParagraphs } from '../paragraphs.js';
import { paragraphsOf, seedText } from './seeds.js';

const p001 = paragraphsOf(seedText('001'));
const p000 = paragraphsOf(seedText('000'));
const p003 = paragraphsOf(seedText('003'));

/** 改革奋进正当时 (001, continued from page 1), up to the page break. */
export const reportParagraphs = p001.slice(30, 42);
export const report = reportParagraphs.join('\n\n');

/** Other articles on the same topic: not duplicates of `report` or of each other. */
export const sameTopic = {
  taiwanWeek: p001.slice(0, 20).join('\n\n'),
  liMingqing: p001.slice(20, 24).join('\n\n'),
  taiXie: p000.slice(16, 46).join('\n\n'),
  lectures: p000.slice(4, 16).join('\n\n'),
  cppcc: p000.slice(46, 68).join('\n\n'),
  seed003: p003.slice(0, 20).join('\n\n'),
};

/** Replaces every `step`-th Chinese character, as OCR slips would. */
export function ocrNoise(text: string, step: number): string {
  let han = 0;
  return Array.from(text)
    .map((ch) => (/\p{Script=Han}/u.test(ch) && ++han % step === 0 ? '口' : ch))
    .join('');
}

export const variants = {
  edited: report
    .replace('6520台套', '6500余台套')
    .replace('宗申动力', '宗申公司')
    .replace('忽米网', '忽米平台'),
  paragraphDropped: reportParagraphs.filter((_, i) => i !== 6).join('\n\n'),
  paragraphAdded: `${report}\n\n锚定智能制造，今年重庆计划再建10个智能工厂、100个数字化车间。`,
  reflowed: report.replace(/\n\n/g, '').replace(/(.{15})/g, '$1\n'),
  boilerplate: `2024-09-05 08:52:51 来源：重庆日报\n\n${report}\n\n责任编辑：张辉 版权所有 重庆日报报业集团 渝ICP备05009367号`,
  ocr: ocrNoise(report, 40),
};

/**
 * `count` mutually unlike short stories: pairs of long seed paragraphs (repeated paragraphs left
 * out), for tests that need many documents none of which is a near duplicate of another.
 */
export function raceStories(count: number): string[] {
  const long = ['000', '001', '002', '003', '004'].flatMap((n) => {
    const ps = paragraphsOf(seedText(n));
    const repeats = new Set(findRepeatedParagraphs(ps).map((r) => r.repeat));
    return ps.filter((p, i) => !repeats.has(i) && p.length >= 80);
  });
  if (long.length < count * 2) throw new Error(`only ${long.length} long paragraphs for ${count} stories`);
  return Array.from({ length: count }, (_, r) => `${long[2 * r]}\n\n${long[2 * r + 1]}`);
}
