/**
 * A small DOM built with htmlparser2, keeping every node's source offsets in the raw page, so that
 * text taken from it can be mapped back. The text of `<script>`, `<style>` and other non-rendered
 * elements is never stored.
 */
import { Parser } from 'htmlparser2';

/** A text node: decoded text and its raw span `[start, end)`. */
export interface HtmlText {
  readonly type: 'text';
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** An element with its raw span (from `<` of the start tag to after its end tag). */
export interface HtmlElement {
  readonly type: 'element';
  readonly tag: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly start: number;
  end: number;
  readonly parent: HtmlElement | null;
  readonly children: HtmlNode[];
  /** Depth below the root (the root is 0). */
  readonly depth: number;
}

export type HtmlNode = HtmlElement | HtmlText;

/** A parsed page: the root element, the `<title>` text and the `<meta>` tags in order. */
export interface HtmlDocument {
  readonly root: HtmlElement;
  readonly title: string;
  readonly meta: readonly Readonly<Record<string, string>>[];
  readonly links: readonly Readonly<Record<string, string>>[];
  /** `application/ld+json` script bodies (structured data), kept apart from the text. */
  readonly jsonLd: readonly string[];
  /** Number of elements parsed. */
  readonly elements: number;
  /** Elements that hold a form control (input, textarea, select, button) or its box. */
  readonly controls: ReadonlySet<HtmlElement>;
}

/** Elements whose content is never shown as text. */
const HIDDEN = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'frame',
  'frameset',
  'noframes',
  'noembed',
  'object',
  'embed',
  'svg',
  'math',
  'canvas',
  'textarea',
  'select',
  'option',
  'button',
  'xmp',
]);

const CONTROLS = new Set(['input', 'textarea', 'select', 'button']);

/** Empty elements that still matter for the text: line breaks. */
const KEEP_EMPTY = new Set(['br', 'hr', 'img']);

/** Parses `html` (decoded text). Never throws: htmlparser2 is forgiving of any input. */
export function parseHtml(html: string): HtmlDocument {
  const root: HtmlElement = {
    type: 'element',
    tag: '#root',
    attrs: {},
    start: 0,
    end: html.length,
    parent: null,
    children: [],
    depth: 0,
  };
  let current = root;
  let hidden = 0;
  let inTitle = false;
  let inJsonLd = false;
  let title = '';
  let elements = 0;
  const meta: Record<string, string>[] = [];
  const links: Record<string, string>[] = [];
  const jsonLd: string[] = [];
  const controls = new Set<HtmlElement>();
  const stack: { tag: string; hidden: boolean; element: HtmlElement | null }[] = [];
  // Declared before the parser so its callbacks can read the positions.
  const parser: Parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name === 'meta') {
          meta.push(attribs);
          return;
        }
        if (name === 'link') {
          links.push(attribs);
          return;
        }
        if (name === 'title' && title === '') inTitle = true;
        if (CONTROLS.has(name) && hidden === 0) {
          // A form control: its box (parent and grandparent) is an interaction, not article text.
          controls.add(current);
          if (current.parent !== null) controls.add(current.parent);
        }
        if (name === 'script' && /ld\+json/i.test(attribs.type ?? '')) inJsonLd = true;
        const isHidden = HIDDEN.has(name);
        if (hidden > 0 || isHidden) {
          if (isHidden) hidden++;
          stack.push({ tag: name, hidden: isHidden, element: null });
          return;
        }
        elements++;
        const el: HtmlElement = {
          type: 'element',
          tag: name,
          attrs: attribs,
          start: parser.startIndex,
          end: html.length,
          parent: current,
          children: [],
          depth: current.depth + 1,
        };
        current.children.push(el);
        current = el;
        stack.push({ tag: name, hidden: false, element: el });
      },
      ontext(data) {
        if (inTitle) {
          title += data;
          return;
        }
        if (inJsonLd) {
          jsonLd.push(data);
          return;
        }
        if (hidden > 0) return;
        current.children.push({
          type: 'text',
          text: data,
          start: parser.startIndex,
          end: parser.endIndex + 1,
        });
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (name === 'script') inJsonLd = false;
        if (name === 'meta' || name === 'link') return;
        const top = stack.pop();
        if (top === undefined) return;
        if (top.hidden) hidden--;
        const el = top.element;
        if (el !== null) {
          el.end = Math.min(html.length, parser.endIndex + 1);
          const parent = el.parent ?? root;
          // An element with nothing inside is dropped (it is the parent's last child): less to keep.
          if (
            el.children.length === 0 &&
            !KEEP_EMPTY.has(el.tag) &&
            parent.children[parent.children.length - 1] === el
          )
            parent.children.pop();
          current = parent;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.end(html);
  return { root, title: title.replace(/\s+/g, ' ').trim(), meta, links, jsonLd, elements, controls };
}
