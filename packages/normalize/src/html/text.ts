/**
 * A web page to text: parse, pick the main content, write its text with an offset map into the raw
 * page (block elements and `<br>` end paragraphs, runs of white space become one space), and give
 * back what was left out and what the page says about itself.
 */
import type { PassResult } from '../edit.js';
import { Edit } from '../edit.js';
import { count, type Fixes } from '../fixes.js';
import { collapseSpace, findContent, loadSignals, type RemovedPart, walk } from './content.js';
import { parseHtml } from './dom.js';
import { readMeta, type WebMeta } from './meta.js';

/** What {@link htmlToText} returns. */
export interface HtmlText {
  result: PassResult;
  removed: RemovedPart[];
  meta: WebMeta;
}

/** Reads a web page: its main content as text (mapped into `raw`), the removed parts, the metadata. */
export function htmlToText(raw: string, fixes: Fixes): HtmlText {
  const s = loadSignals();
  const doc = parseHtml(raw);
  const content = findContent(doc.root, doc.controls);
  const edit = new Edit(raw);
  let pending = false;
  let written = 0;
  for (const root of content.roots) {
    pending = true;
    const skip: { depth: number } = { depth: 0 };
    for (const { node, enter } of walk(root)) {
      if (node.type === 'element') {
        if (content.pruned.has(node)) {
          skip.depth += enter ? 1 : -1;
          pending = true;
          continue;
        }
        if (!s.inline.has(node.tag) || node.tag === 'br') pending = true;
        continue;
      }
      if (skip.depth > 0) continue;
      let text = collapseSpace(node.text);
      if (pending) text = text.replace(/^ /, '');
      if (text === '' || text === ' ') {
        // A space between inline elements stays, a line break in the source does not (Chinese text).
        if (text === ' ' && !pending && written > 0 && !node.text.includes('\n'))
          edit.replace(' ', node.start, node.end);
        continue;
      }
      if (pending && written > 0) edit.emit('\n\n', node.start);
      pending = false;
      if (text === raw.slice(node.start, node.end)) edit.copy(node.start, node.end);
      else edit.replace(text, node.start, node.end);
      written += text.length;
    }
  }
  count(fixes, 'html_markup', doc.elements);
  count(fixes, 'html_removed', content.removed.length);
  const meta = readMeta(doc, content);
  const removed = content.removed.sort((a, b) => a.start - b.start);
  return { result: edit.done(), removed, meta };
}
