/** Loads the page-furniture rules (`data/furniture.json`) once and classifies lines with them. */
import { readFileSync } from 'node:fs';
import { XinwenError } from '@xinwen/core';

/** The `removed` kinds this package writes. */
export type RemovedKind =
  | 'caption'
  | 'photo_credit'
  | 'page_date'
  | 'editor'
  | 'image_note'
  | 'hotline'
  | 'source_line'
  | 'site_footer'
  | 'noise'
  | 'boilerplate';

interface Rule {
  kind: RemovedKind;
  pattern: RegExp;
}

let rules: Rule[] | undefined;

const LONG_MARKERS = ['Copyright', '版权', 'ICP', '许可证', '单位', '备案', '公网安备', '热线'];

function loadRules(): Rule[] {
  if (rules !== undefined) return rules;
  const url = new URL('../data/furniture.json', import.meta.url);
  try {
    const raw = JSON.parse(readFileSync(url, 'utf8')) as { rules: { kind: RemovedKind; pattern: string }[] };
    rules = raw.rules.map((r) => ({ kind: r.kind, pattern: new RegExp(r.pattern, 'u') }));
  } catch (cause) {
    throw new XinwenError('invalid_dictionary', `expected the furniture rules as JSON at ${url.pathname}`, {
      cause,
    });
  }
  return rules;
}

/** The furniture kind of one trimmed line, or undefined for running text. */
export function furnitureKind(line: string): RemovedKind | undefined {
  // Running paragraphs are long; only site footers run that long, and they name themselves.
  if (line.length > 80 && !LONG_MARKERS.some((m) => line.includes(m))) return undefined;
  for (const rule of loadRules()) if (rule.pattern.test(line)) return rule.kind;
  return undefined;
}
