/**
 * Which kind of input a document is: a web page, Markdown, or plain text. The caller's content type
 * and file name decide first; without them, the text itself (an HTML document or fragment,
 * Markdown headings and link lines).
 */

import { looksLikeMarkdown } from './html/markdown.js';
import { looksLikeHtml } from './html.js';

/** The input formats normalize reads. */
export type InputFormat = 'text' | 'html' | 'markdown';

const HTML_TYPE = /^(?:text\/html|application\/xhtml\+xml)\b/i;
const MARKDOWN_TYPE = /^text\/(?:x-)?markdown\b/i;
const HTML_NAME = /\.(?:s?html?|xhtml|php|aspx?|jsp)(?:[?#].*)?$/i;
const MARKDOWN_NAME = /\.(?:md|markdown|mdown|mkd)(?:[?#].*)?$/i;
const TEXT_TYPE = /^text\/plain\b/i;

/** Decides the format from the hints, then from the text. */
export function inputFormat(text: string, hints?: { contentType?: string; uri?: string }): InputFormat {
  const type = hints?.contentType ?? '';
  if (HTML_TYPE.test(type)) return 'html';
  if (MARKDOWN_TYPE.test(type)) return 'markdown';
  const name = hints?.uri ?? '';
  if (MARKDOWN_NAME.test(name)) return 'markdown';
  if (HTML_NAME.test(name)) return 'html';
  if (type !== '' && !TEXT_TYPE.test(type)) return 'text';
  if (!/\.txt$/i.test(name) && looksLikeMarkdown(text)) return 'markdown';
  if (looksLikeHtml(text)) return 'html';
  return 'text';
}
