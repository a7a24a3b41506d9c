import type { ProcessedDocument } from '@xinwen/core';

/** A few readable lines about one processed document, for a person at a terminal. */
export function summarize(doc: ProcessedDocument): string {
  const lines = [`${doc.source.uri ?? doc.id}`];
  lines.push(`  id         ${doc.id}`);
  const n = doc.normalized;
  lines.push(
    `  source     ${doc.source.encoding}${n ? `, script ${n.script}, ${n.text.length} chars after normalizing` : ''}`,
  );
  if (n) {
    const fixes = Object.entries(n.fixes)
      .filter(([, count]) => count > 0)
      .map(([kind, count]) => `${kind} ${count}`);
    if (fixes.length > 0) lines.push(`  fixes      ${fixes.join(', ')}`);
    if (n.removed.length > 0)
      lines.push(`  removed    ${n.removed.length} spans (${countKinds(n.removed.map((r) => r.kind))})`);
    if (n.damaged.length > 0) lines.push(`  damaged    ${n.damaged.length} spans`);
  }
  if (doc.segmented) {
    lines.push(
      `  segmented  ${doc.segmented.sentences.length} sentences, ${doc.segmented.tokens.length} tokens`,
    );
    const top = doc.segmented.keywords.slice(0, 8).map((k) => k.word);
    if (top.length > 0) lines.push(`  keywords   ${top.join(' ')}`);
  }
  if (doc.page?.date) lines.push(`  page date  ${doc.page.date}`);
  if (doc.articles) {
    lines.push(`  articles   ${doc.articles.length}`);
    for (const article of doc.articles) lines.push(`    - ${article.title || '(untitled)'}`);
  }
  if (doc.dedupe) {
    const d = doc.dedupe;
    const parts = [`${d.repeatedParagraphs.length} repeated paragraphs`];
    if (d.exactDuplicateOf) parts.push(`exact duplicate of ${d.exactDuplicateOf}`);
    if (d.nearDuplicates.length > 0)
      parts.push(`near ${d.nearDuplicates.map((x) => `${x.id} (${x.similarity.toFixed(2)})`).join(', ')}`);
    lines.push(`  duplicates ${parts.join('; ')}`);
  }
  if (doc.warnings.length > 0) lines.push(`  warnings   ${countKinds(doc.warnings.map((w) => w.code))}`);
  const missing = ['normalized', 'segmented', 'articles', 'dedupe'].filter((k) => !(k in doc));
  if (missing.length > 0) lines.push(`  not run    ${missing.join(', ')}`);
  return lines.join('\n');
}

function countKinds(kinds: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const k of kinds) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts].map(([k, c]) => `${k} ${c}`).join(', ');
}
