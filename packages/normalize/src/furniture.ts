/** Loads the page-furniture rules (`data/furniture.json`) once and classifies lines with them. */
import { XinwenError } from '@xinwen/core';
import { dataFile } from './data.generated.js';

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
  | 'boilerplate'
  | 'page_footer'
  | 'credit'
  | 'timestamp';

interface Rule {
  kind: RemovedKind;
  pattern: RegExp;
}

let rules: Rule[] | undefined;

const FOOTER_MARKERS = /Copyright|Rights|ICP|版权|许可证|单位|备|关于|我们|网站|热线|技术支持/;

function loadRules(): Rule[] {
  if (rules !== undefined) return rules;
  try {
    const raw = JSON.parse(dataFile('furniture.json')) as { rules: { kind: RemovedKind; pattern: string }[] };
    rules = raw.rules.map((r) => ({ kind: r.kind, pattern: new RegExp(r.pattern, 'u') }));
  } catch (cause) {
    throw new XinwenError(
      'invalid_dictionary',
      'expected the furniture rules as JSON in data/furniture.json',
      {
        cause,
      },
    );
  }
  return rules;
}

/** The furniture kind of one trimmed line, or undefined for running text. */
export function furnitureKind(line: string): RemovedKind | undefined {
  // Running paragraphs are long; footers are not that long, and they name themselves.
  if (line.length > 240) return undefined;
  const marked = FOOTER_MARKERS.test(line);
  if (line.length > 80 && !marked) return undefined;
  for (const rule of loadRules()) {
    // Footer rules look anywhere in the line; they only run on lines that name a footer marker.
    if (rule.kind === 'site_footer' && !marked) continue;
    if (rule.pattern.test(line)) return rule.kind;
  }
  return undefined;
}
