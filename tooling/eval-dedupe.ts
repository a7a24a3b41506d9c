/**
 * Evaluates @xinwen/dedupe's document-level near-duplicate detection on a labelled set built from
 * the seeds, and prints precision and recall at the default threshold (and a few others).
 *
 *   pnpm exec tsx tooling/eval-dedupe.ts
 *
 * The set: each seed is split on blank lines into paragraphs; paragraphs that repeat an earlier
 * one (findRepeatedParagraphs) are dropped so two chunks do not share text by accident; the rest
 * are grouped in order into article-sized chunks (at least MIN_CHUNK kept characters). For every
 * chunk a set of variants is made (below). The originals are indexed; every variant is checked
 * against the index. A positive is a (variant, its original) pair; any other chunk reported as a
 * near duplicate — all on the same topic, Chengdu–Chongqing cooperation — is a false positive,
 * and so is any original found near another original while indexing.
 *
 * Variants (deterministic, seeded PRNG):
 *   trad          converted to traditional script (opencc-js cn→tw); like every variant it then
 *                 goes through the assumed normalization (tw→cn, see normalizeAssumed)
 *   reflow        a line break every 15 characters, full-width punctuation turned ASCII
 *   drop1         one middle paragraph dropped
 *   reorder       two paragraphs swapped
 *   boilerplate   a site header and footer added
 *   noise1/2/3    1, 2, 3 % of the Chinese characters replaced by other characters (OCR slips)
 *   drop+noise2   one paragraph dropped and 2 % noise
 *   trad+reflow   both
 *   worst         trailing paragraphs dropped while >= 80 % stays, 3 % noise, reflowed,
 *                 header and footer added
 *   half          only the first half of the paragraphs (keeps < 80 %: reported apart)
 */
import * as OpenCC from 'opencc-js';
import {
  createDedupeIndex,
  DEFAULT_THRESHOLD,
  estimateJaccard,
  findRepeatedParagraphs,
  fingerprint,
} from '../packages/dedupe/src/index.js';
import { readSeeds } from './seeds.js';

const MIN_CHUNK = 600;

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });

/**
 * The normalization every document is assumed to pass before fingerprinting (the normalize
 * stage's traditional-to-simplified step, here opencc-js tw→cn). Originals and variants alike go
 * through it, as they would in the pipeline.
 */
const normalizeAssumed = (text: string) => toSimplified(text);

const keptLength = (s: string) => s.replace(/[^\p{L}\p{N}]/gu, '').length;

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Chunk {
  id: string;
  paragraphs: string[];
}

function chunksOf(name: string, text: string): Chunk[] {
  const paragraphs = text
    .split(/\n[ \t\u3000]*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  const repeats = new Set(findRepeatedParagraphs(paragraphs).map((r) => r.repeat));
  const kept = paragraphs.filter((_, i) => !repeats.has(i));
  const chunks: Chunk[] = [];
  let current: string[] = [];
  let size = 0;
  for (const p of kept) {
    current.push(p);
    size += keptLength(p);
    if (size >= MIN_CHUNK) {
      chunks.push({ id: `${name.slice(0, 3)}#${chunks.length}`, paragraphs: current });
      current = [];
      size = 0;
    }
  }
  if (current.length > 0) {
    // A short tail joins the previous chunk rather than standing as a tiny document.
    const last = chunks.at(-1);
    if (last && size < MIN_CHUNK / 2) last.paragraphs.push(...current);
    else chunks.push({ id: `${name.slice(0, 3)}#${chunks.length}`, paragraphs: current });
  }
  return chunks;
}

const noiseChars =
  '的一是了人在有我他这中大来上个国和也子时道出而要于就下得可你年生自会那后能对着事其里所去行过家十用发天如然作方成者多日都三小军二无同么经法当起与好看学进种将还分此心前面又定见只主没公从';

function addNoise(text: string, rate: number, random: () => number): string {
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i++) {
    if (/\p{Script=Han}/u.test(chars[i] as string) && random() < rate) {
      chars[i] = noiseChars[Math.floor(random() * noiseChars.length)] as string;
    }
  }
  return chars.join('');
}

function reflow(text: string): string {
  const ascii = text.replace(
    /[，。：；！？（）]/g,
    (c) =>
      ({ '，': ',', '。': '.', '：': ':', '；': ';', '！': '!', '？': '?', '（': '(', '）': ')' })[c] ?? c,
  );
  const flat = ascii.replace(/\n+/g, '');
  const lines: string[] = [];
  for (let i = 0; i < flat.length; i += 15) lines.push(flat.slice(i, i + 15));
  return lines.join('\n');
}

const header =
  '首页 > 新闻中心 > 重庆新闻\n2024-06-22 08:52:51 来源：重庆日报 作者：本报记者\n【字体：大 中 小】 打印本页 关闭窗口';
const footer =
  '责任编辑：张辉 审核：罗皓皓\n版权所有 重庆日报报业集团 未经授权禁止转载\n渝ICP备05009367号 互联网新闻信息服务许可证：50120170002';

interface Variant {
  id: string;
  of: string;
  kind: string;
  text: string;
  /** Share of the original's kept characters still in the variant (before noise). */
  keep: number;
}

function variantsOf(chunk: Chunk, seed: number): Variant[] {
  const random = mulberry32(seed);
  const ps = chunk.paragraphs;
  const text = ps.join('\n\n');
  const total = keptLength(text);
  const mid = Math.floor(ps.length / 2);
  const without = (i: number) => ps.filter((_, j) => j !== i);
  const out: Variant[] = [];
  const add = (kind: string, t: string, keep: number) =>
    out.push({ id: `${chunk.id}~${kind}`, of: chunk.id, kind, text: normalizeAssumed(t), keep });
  const trad = toTraditional(text);
  add('trad', trad, 1);
  add('reflow', reflow(text), 1);
  if (ps.length > 2) add('drop1', without(mid).join('\n\n'), keptLength(without(mid).join('')) / total);
  if (ps.length > 1) {
    const swapped = [...ps];
    const a = swapped[0] as string;
    swapped[0] = swapped[ps.length - 1] as string;
    swapped[ps.length - 1] = a;
    add('reorder', swapped.join('\n\n'), 1);
  }
  add('boilerplate', `${header}\n\n${text}\n\n${footer}`, 1);
  add('noise1', addNoise(text, 0.01, random), 1);
  add('noise2', addNoise(text, 0.02, random), 1);
  add('noise3', addNoise(text, 0.03, random), 1);
  if (ps.length > 2) {
    add(
      'drop+noise2',
      addNoise(without(mid).join('\n\n'), 0.02, random),
      keptLength(without(mid).join('')) / total,
    );
  }
  add('trad+reflow', reflow(trad), 1);
  // The hardest case inside the target: paragraphs dropped from the end while >= 80 % stays,
  // 3 % noise, reflowed, with boilerplate around it.
  let kept = [...ps];
  while (kept.length > 1 && keptLength(kept.slice(0, -1).join('')) / total >= 0.8) kept = kept.slice(0, -1);
  const worstKeep = keptLength(kept.join('')) / total;
  add('worst', `${header}\n\n${reflow(addNoise(kept.join('\n\n'), 0.03, random))}\n\n${footer}`, worstKeep);
  if (ps.length > 1) {
    const half = ps.slice(0, Math.ceil(ps.length / 2)).join('\n\n');
    add('half', half, keptLength(half) / total);
  }
  return out;
}

interface Score {
  tp: number;
  fp: number;
  positives: number;
  positivesLow: number;
  tpLow: number;
  exact: number;
  missed: string[];
  falsePositives: string[];
  byKind: Map<string, { n: number; found: number }>;
}

async function evaluate(chunks: Chunk[], variants: Variant[], threshold: number): Promise<Score> {
  const index = createDedupeIndex({ threshold });
  const score: Score = {
    tp: 0,
    fp: 0,
    positives: 0,
    positivesLow: 0,
    tpLow: 0,
    exact: 0,
    missed: [],
    falsePositives: [],
    byKind: new Map(),
  };
  for (const chunk of chunks) {
    const result = await index.checkAndAdd(chunk.id, fingerprint(chunk.paragraphs.join('\n\n')));
    for (const d of result.nearDuplicates) {
      score.fp++;
      score.falsePositives.push(`${chunk.id} ~ ${d.id} (${d.similarity.toFixed(3)})`);
    }
  }
  for (const v of variants) {
    const result = await index.check(v.id, fingerprint(v.text));
    const found = result.nearDuplicates.some((d) => d.id === v.of);
    const high = v.keep >= 0.8;
    if (high) score.positives++;
    else score.positivesLow++;
    if (found && high) score.tp++;
    if (found && !high) score.tpLow++;
    if (result.exactDuplicateOf === v.of) score.exact++;
    if (!found) {
      const sim = result.nearDuplicates.find((d) => d.id === v.of)?.similarity;
      score.missed.push(`${v.id} keep ${v.keep.toFixed(2)}${sim === undefined ? '' : ` ${sim}`}`);
    }
    const k = score.byKind.get(v.kind) ?? { n: 0, found: 0 };
    k.n++;
    if (found) k.found++;
    score.byKind.set(v.kind, k);
    for (const d of result.nearDuplicates) {
      if (d.id !== v.of) {
        score.fp++;
        score.falsePositives.push(`${v.id} ~ ${d.id} (${d.similarity.toFixed(3)})`);
      }
    }
  }
  return score;
}

/** The most similar pair of different chunks (estimated Jaccard), to show how far apart the hard negatives are. */
function hardestNegative(chunks: Chunk[]): string {
  const signatures = chunks.map((c) => fingerprint(c.paragraphs.join('\n\n')).minhash);
  let best = { sim: -1, pair: '' };
  for (let i = 0; i < chunks.length; i++) {
    for (let j = 0; j < i; j++) {
      const sim = estimateJaccard(signatures[i] as Uint32Array, signatures[j] as Uint32Array);
      if (sim > best.sim) best = { sim, pair: `${chunks[i]?.id} ~ ${chunks[j]?.id}` };
    }
  }
  return `${best.pair} ${best.sim.toFixed(3)}`;
}

const chunks = readSeeds().flatMap((s) => chunksOf(s.name, normalizeAssumed(s.text)));
const variants = chunks.flatMap((c, i) => variantsOf(c, 1000 + i));
console.log(`# @xinwen/dedupe evaluation`);
console.log(
  `${chunks.length} chunks from ${readSeeds().length} seeds (>= ${MIN_CHUNK} kept characters each), ${variants.length} variants, ` +
    `${variants.filter((v) => v.keep >= 0.8).length} keeping >= 80 % of the text`,
);
console.log(
  `hard negatives: ${chunks.length * (chunks.length - 1)} ordered pairs of different chunks; highest estimated similarity among them: ${hardestNegative(chunks)}`,
);

for (const threshold of [0.3, 0.4, DEFAULT_THRESHOLD, 0.6, 0.7]) {
  const s = await evaluate(chunks, variants, threshold);
  const precision = s.tp + s.tpLow + s.fp === 0 ? 1 : (s.tp + s.tpLow) / (s.tp + s.tpLow + s.fp);
  const recall = s.tp / s.positives;
  const mark = threshold === DEFAULT_THRESHOLD ? ' (default)' : '';
  console.log(
    `\nthreshold ${threshold.toFixed(2)}${mark}: precision ${precision.toFixed(4)}, recall (keep >= 80 %) ${recall.toFixed(4)} ` +
      `[${s.tp}/${s.positives}], recall (keep < 80 %) ${(s.tpLow / Math.max(1, s.positivesLow)).toFixed(4)} [${s.tpLow}/${s.positivesLow}], ` +
      `false positives ${s.fp}, exact duplicates found ${s.exact}`,
  );
  if (threshold === DEFAULT_THRESHOLD) {
    console.log(`  by variant: ${[...s.byKind].map(([k, v]) => `${k} ${v.found}/${v.n}`).join(', ')}`);
    if (s.missed.length > 0) console.log(`  missed: ${s.missed.join('; ')}`);
    if (s.falsePositives.length > 0) console.log(`  false positives: ${s.falsePositives.join('; ')}`);
  }
}

// Repeated paragraphs inside the seeds, against the pairs a reader finds (seeds split on blank
// lines): 000 prints the 李保海 paragraph twice; 001 has the 李明清 paragraph with two openings and
// a block repeated after the page break, its first paragraph cut to 「金、医药…」.
const expectedRepeats: Record<string, [number, number][]> = {
  '000': [[13, 15]],
  '001': [
    [22, 23],
    [38, 45],
    [39, 46],
    [40, 47],
    [41, 48],
  ],
  '002': [],
  '003': [],
  '004': [],
};
let found = 0;
let correct = 0;
let expected = 0;
console.log('\n# repeated paragraphs in the seeds');
for (const seed of readSeeds()) {
  const paragraphs = seed.text
    .split(/\n[ \t\u3000]*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  const result = findRepeatedParagraphs(paragraphs);
  const want = expectedRepeats[seed.name.slice(0, 3)] ?? [];
  const hits = result.filter((r) => want.some(([a, b]) => a === r.first && b === r.repeat));
  found += result.length;
  correct += hits.length;
  expected += want.length;
  console.log(
    `${seed.name.slice(0, 3)}: ${result.map((r) => `${r.first}→${r.repeat} (${r.similarity})`).join(', ') || 'none'}`,
  );
}
console.log(
  `precision ${(found === 0 ? 1 : correct / found).toFixed(3)} [${correct}/${found}], recall ${(correct / expected).toFixed(3)} [${correct}/${expected}]`,
);
