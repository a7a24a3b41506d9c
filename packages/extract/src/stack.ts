/**
 * Headline stacks: 引题 (kicker), 主题 (title), 副题 (subtitle), and column banners that are none
 * of them (「唱好“双城记” 共建经济圈」).
 */
import { loadData } from './data.js';
import type { Unit } from './units.js';

/** A parsed headline stack. */
export interface Stack {
  kicker?: string;
  title: string;
  subtitle?: string;
}

const canon = (s: string) =>
  s
    .replace(/[「『"]/g, '“')
    .replace(/[」』"]/g, '”')
    .replace(/\s+/g, '');

let columnSet: Set<string> | undefined;

/** Whether `text` is a known column banner (data/columns.txt), ignoring quote style and spaces. */
export function isColumn(text: string): boolean {
  if (!columnSet) columnSet = new Set(loadData().columns.map(canon));
  return columnSet.has(canon(text));
}

const kickerEnd = /(?:特别报道|系列报道|专题报道|特刊|访谈|时强调|强调|时指出|指出|要求|表示)$/;

/** Splits a run of headline units into stacks: a subtitle closes one, a column banner opens one. */
export function groupRun(run: readonly Unit[]): Unit[][] {
  const groups: Unit[][] = [];
  let cur: Unit[] = [];
  for (const u of run) {
    if (u.kind === 'subtitle') {
      cur.push(u);
      groups.push(cur);
      cur = [];
    } else if (isColumn(u.text) && cur.some((c) => !isColumn(c.text))) {
      groups.push(cur);
      cur = [u];
    } else cur.push(u);
  }
  if (cur.length > 0) groups.push(cur);
  const last = groups[groups.length - 1];
  if (groups.length > 1 && last && last.every((u) => isColumn(u.text))) {
    groups.pop();
    groups[groups.length - 1]!.push(...last);
  }
  return groups;
}

const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;

/** Reads kicker, title and subtitle from one stack of headline units. */
export function parseStack(units: readonly Unit[]): Stack {
  const columns: string[] = [];
  const plain: string[] = [];
  let subtitle: string | undefined;
  for (const u of units) {
    if (u.kind === 'subtitle') {
      subtitle = u.text.replace(/^——\s*/, '').trim();
      continue;
    }
    let text = u.text;
    const bar = text.split(/\s+\|\s+/);
    if (bar.length > 1 && isColumn(bar[0]!)) {
      columns.push(bar[0]!);
      text = bar.slice(1).join(' ');
    }
    if (isColumn(text)) columns.push(text);
    else plain.push(text);
  }
  // A line broken inside a bracket or quotation (「一片叶子富了一方百姓（深度观察·做好金」 /
  // 「融“五篇大文章”）」) is one line.
  for (let i = 0; i + 1 < plain.length; i++) {
    const a = plain[i]!;
    // So is a line that leaves one or two characters to the next (「…取得决定性进」 / 「展」).
    // And a long line with a short remainder under it (「…电贺郑丽文当选中国」 / 「国民党主席」): a
    // subtitle is a phrase of its own, eight characters or more.
    const b = plain[i + 1]!;
    const remainder = [...a].length >= 18 && [...b].length <= 7 && !/[\s—]/.test(a + b) && !/^\d/.test(b);
    if (count(a, /[（(“「]/g) > count(a, /[）)”」]/g) || [...b].length <= 2 || remainder) {
      plain.splice(i, 2, a + plain[i + 1]!);
      i--;
    }
  }
  // A couplet headline, two short lines of the same length without punctuation
  // (「展世界艺术画卷」 / 「建文化交流平台」), is one title.
  if (plain.length === 2 && subtitle === undefined && !kickerEnd.test(plain[0]!)) {
    const [a, b] = [plain[0]!, plain[1]!];
    const bare = /^[\p{Script=Han}]{2,10}$/u;
    if (bare.test(a) && bare.test(b) && a.length === b.length) plain.splice(0, 2, `${a} ${b}`);
  }
  let kicker: string | undefined;
  if (plain.length >= 2 && kickerEnd.test(plain[0]!)) kicker = plain.shift();
  let title = plain[0] ?? '';
  if (plain.length >= 2 && subtitle === undefined) subtitle = plain.slice(1).join(' ');
  const dash = /^(.+?)\s*——\s*(.+)$/.exec(title);
  if (dash) {
    kicker ??= dash[1]!.trim();
    title = dash[2]!.trim();
  } else {
    const parts = title.split(' ');
    if (parts.length >= 2 && (kickerEnd.test(parts[0]!) || parts[0]!.includes('、'))) {
      kicker ??= parts[0]!;
      title = parts.slice(1).join(' ');
    }
  }
  // A column tag: 「【新闻特写】安置点的夜间医疗巡诊」, 「集采药，拼质量才能护健康（人民时评）」.
  const bracket = /^【([^【】]{1,16})】\s*(.{2,})$/.exec(title);
  if (bracket) {
    kicker ??= bracket[1]!;
    title = bracket[2]!;
  } else {
    const tag = /^(.{4,}?)\s*[（(]([^（）()]{2,30})[）)]$/.exec(title);
    if (tag && !/^(上接|下转|\d)/.test(tag[2]!)) {
      kicker ??= tag[2]!;
      title = tag[1]!;
    }
  }
  if (kicker === undefined && columns.length > 0) kicker = columns[0]!;
  const stack: Stack = { title: title.trim() };
  if (kicker !== undefined) stack.kicker = kicker;
  if (subtitle !== undefined) stack.subtitle = subtitle;
  return stack;
}
