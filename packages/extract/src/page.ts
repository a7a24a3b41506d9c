/**
 * The page: its date, publication and editors, read from the furniture normalize removed
 * (page_date 「2024年6月22日 星期六」, editor 「责编 罗皓皓」, source_line 「2023-03-31 08:52:51 來源:重慶日報」).
 */
import type { NamedRole, Page, Removed } from '@xinwen/core';
import { loadData } from './data.js';
import { parseDates } from './dates.js';

const editorRe =
  /^(责编|責編|责任编辑|責任編輯|美编|美編|编辑|編輯|校对|校對|版式|视觉|視覺|图片编辑|圖片編輯)\s*[:：]?\s*(.+)$/;
const roleSimplified: Record<string, string> = {
  責編: '责编',
  責任編輯: '责任编辑',
  美編: '美编',
  編輯: '编辑',
  校對: '校对',
  視覺: '视觉',
  圖片編輯: '图片编辑',
};

/** Maps a publication name as printed (traditional, site byline) to its usual name. */
export function publicationName(text: string): string | undefined {
  let best: string | undefined;
  let bestLength = 0;
  for (const p of loadData().publications) {
    for (const v of p.variants) {
      if (v.length > bestLength && text.includes(v)) {
        best = p.name;
        bestLength = v.length;
      }
    }
  }
  if (best !== undefined) return best;
  // A name with a lost character (「重慶日?」): the part before it, when it opens exactly one name.
  const lost = /^([^?？\uFFFD]{3,})[?？\uFFFD]/u.exec(text.trim());
  if (lost) {
    const prefix = lost[1]!;
    const names = new Set<string>();
    for (const p of loadData().publications)
      for (const v of p.variants) if (v.length > prefix.length && v.startsWith(prefix)) names.add(p.name);
    if (names.size === 1) return [...names][0];
  }
  return undefined;
}

/** 「20250110」 in a programme stamp 「《新闻联播》 (20250110)」 → 2025-01-10. */
function compactDate(text: string): string | undefined {
  const m = /(?<!\d)((?:19|20)\d{2})([01]\d)([0-3]\d)(?!\d)/.exec(text);
  if (!m) return undefined;
  const [mo, d] = [Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/** Reads the page date, publication and editors from normalize's `removed` list. */
export function readPage(removed: readonly Removed[]): Page {
  const page: Page = { editors: [] };
  for (const r of removed) {
    // Raw text: drop pinyin readings such as 「來(lái)源」 before reading it.
    const text = r.text.replace(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]{1,7}\)/g, '').trim();
    if (r.kind === 'page_date' && page.date === undefined) {
      const d = parseDates(text)[0];
      if (d) page.date = d.date;
    } else if (r.kind === 'source_line') {
      const d = parseDates(text)[0]?.date ?? compactDate(text);
      if (d && page.date === undefined) page.date = d;
      // The citation form: 「《人民日报》（2025年10月20日 第 05 版）」, 「《新闻联播》 (20250110)」.
      const cited = /《([^《》]{2,20})》/.exec(text);
      if (cited && page.publication === undefined) page.publication = publicationName(cited[1]!) ?? cited[1]!;
      const source = /(?:来源|來源)\s*[:：]\s*(\S+)/.exec(text);
      if (source && page.publication === undefined)
        page.publication = publicationName(source[1]!) ?? source[1]!;
    } else if (r.kind === 'editor') {
      for (const line of text.split(/\n+/)) {
        const m = editorRe.exec(line.trim());
        if (!m) continue;
        const role = roleSimplified[m[1]!] ?? m[1]!;
        for (const name of m[2]!.split(/[\s、，,]+/).filter((n) => n.length >= 2)) {
          const editor: NamedRole = { name, role };
          if (!page.editors.some((e) => e.name === name && e.role === role)) page.editors.push(editor);
        }
      }
    }
  }
  return page;
}
