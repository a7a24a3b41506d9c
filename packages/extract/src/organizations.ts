/**
 * Organizations by their endings (data/org-suffixes.txt): 有限公司, 集团, 协会, 研究院, 局, 委 ….
 * Government bodies with a one-character ending (局, 委, 办) count only when they start like one
 * (市, 区, 县, 省, 国家, 全国, 中国 or a place), which keeps 布局 and 委员 out.
 */
import type { Organization } from '@xinwen/core';
import { loadData } from './data.js';

const han = /[\p{Script=Han}（）A-Za-z]/u;
const stopChars = new Set([...'的在与和及由为向从把被将是了对以等、，。；：“”‘’！？ \n']);
const leadingWords =
  /^(?:[两三四五六七八九十]届|本报|发挥|联合|通过|邀请|牵线|组织|推动|协助|会同|同意|成为|支持|吸引|包括|其中|随着|今年|目前|如今|日前|此前|当天|近日|分别是|分别|以|由|与|和|及|向|在|作为|同|而|该|经|据|将|已|还|也|并|更|再)+/;
const govStart = /^(?:市|区|县|省|国家|全国|中国|中央|国务院|团|重庆|四川|成都)/;
const weakEndings = new Set([
  '局',
  '委',
  '办',
  '厅',
  '市委',
  '市政府',
  '区政府',
  '政协',
  '工商联',
  '侨联',
  '社联',
  '文联',
  '团市委',
]);
const badBefore = /(?:布|格|结|大|全|当|开|举|创|承|主|协|兴|操|包|代|督|筹|党|常|编|专)$/;
const badAfter = /^(?:员|长|面|势|托|屈|书记|主任|常委|委员|副)/;

let suffixRe: RegExp | undefined;
/** 和 inside a name: 市发展和改革委员会, 市经济和信息化委员会, 人力资源和社会保障局. */
const joinedByHe = /^和(?:改革|信息化|社会保障|城乡建设|旅游|科技)/;

/** Whether `at` sits inside a 《book or document title》 on its line. */
function insideBookTitle(text: string, at: number): boolean {
  const open = text.lastIndexOf('《', at);
  return open >= 0 && text.lastIndexOf('》', at) < open && text.lastIndexOf('\n', at) < open;
}

/** Finds organizations in `text`, each once with its number of mentions, in order of first mention. */
export function findOrganizations(text: string): Organization[] {
  const data = loadData();
  if (!suffixRe) suffixRe = new RegExp(data.orgSuffixes.join('|'), 'g');
  const spans: { name: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(suffixRe)) {
    const end = m.index + m[0].length;
    const suffix = m[0];
    const weak = weakEndings.has(suffix);
    if (weak && badAfter.test(text.slice(end, end + 3)) && !/^(?:党组|党委)/.test(text.slice(end))) {
      if (!/^(?:书记|主任|副|常委|委员)/.test(text.slice(end)) || suffix === '委' || suffix === '局') {
        // 「市民政局党组书记」 ends at 局 then 党组: kept; 「委员」, 「局长」 dropped.
        if (/^(?:员|长|面|势|托|屈)/.test(text.slice(end))) continue;
      }
    }
    let start = m.index;
    while (
      start > 0 &&
      m.index + suffix.length - start < 24 &&
      han.test(text[start - 1]!) &&
      (!stopChars.has(text[start - 1]!) ||
        (text[start - 1] === '和' && joinedByHe.test(text.slice(start - 1))))
    )
      start--;
    if (/^[议长员生]/.test(text.slice(end))) continue;
    if (insideBookTitle(text, m.index)) continue;
    let name = text
      .slice(start, end)
      .replace(/^.*(?:精神|加入|协调|年代初|余名|多名|千名|参与|打造|建设|举行|成立)/, '')
      .replace(leadingWords, '');
    if (name.length <= suffix.length) continue;
    if (weak) {
      if (!govStart.test(name) || name.length > 14 || badBefore.test(name.slice(0, -suffix.length))) continue;
    } else if (name.length < 4) continue;
    name = name.replace(/^[）)]+/, '').replace(/^[家个名所项位批届]/, '');
    if (name.length <= suffix.length) continue;
    spans.push({ name, start: end - name.length, end });
  }
  // 「重庆渝富控股集团有限公司」 holds 「重庆渝富控股集团」: keep the longer name found at the same start.
  const kept = spans.filter((a) => !spans.some((b) => b !== a && b.start === a.start && b.end > a.end));
  const counts = new Map<string, { count: number; first: number }>();
  for (const { name, start } of kept) {
    const c = counts.get(name);
    if (c) c.count++;
    else counts.set(name, { count: 1, first: start });
  }
  return [...counts.entries()]
    .sort((a, b) => a[1].first - b[1].first)
    .map(([name, { count }]) => ({ name, count }));
}
