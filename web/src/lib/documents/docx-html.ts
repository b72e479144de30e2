// Mammoth's HTML to plain text: a tiny tolerant parser for its limited tag set, and the layout rules for text.
// Pure (no DOMParser, so it runs in Node tests and workers alike); table-tested in docx-html.test.ts.
//
// Layout: blocks are separated by a blank line; list items sit on their own lines ("• " or "1. ", two spaces per
// nesting level); a table row whose cells are single lines becomes one line "cell | cell | cell" (a record reads like a
// Markdown table row, its fields together), a row with multi-paragraph cells (resume layout tables) becomes one block with
// each cell's lines in reading order; footnote and endnote markers stay inline as mammoth writes them ("[1]") and the
// notes follow at the end under a "Notes" line, so sentences are not broken by note text.

type HtmlNode = HtmlElement | { type: 'text'; value: string };

interface HtmlElement {
  type: 'element';
  tag: string;
  attributes: Record<string, string>;
  children: HtmlNode[];
}

const VOID_TAGS = new Set(['br', 'img', 'input', 'hr', 'col', 'wbr', 'meta', 'link']);
const BLOCK_TAGS = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'div', 'blockquote', 'pre', 'ul', 'ol', 'li', 'table', 'thead', 'tbody',
  'tfoot', 'tr', 'td', 'th', 'dl', 'dt', 'dd', 'hr', 'section', 'article', 'header', 'footer', 'figure', 'figcaption',
]);
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

const TOKEN = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w:-]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>|[^<]+|</g;
const ATTRIBUTE = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
const NOTE_ID = /^(?:.*-)?(?:footnote|endnote)-\d+$/;

/** Turns the HTML mammoth writes for a DOCX into plain text laid out for reading (see the file header). */
export function docxHtmlToText(html: string): string {
  return flowBlocks(parseHtml(html)).join('\n\n');
}

/** Parses HTML into a tree, tolerating unclosed and stray tags; comments are dropped. */
function parseHtml(html: string): HtmlNode[] {
  const root: HtmlElement = { type: 'element', tag: '#root', attributes: {}, children: [] };
  const stack: HtmlElement[] = [root];
  for (const match of html.matchAll(TOKEN)) {
    const [token, closing, rawTag, rawAttributes, selfClosing] = match;
    const parent = stack[stack.length - 1] ?? root;
    if (rawTag === undefined) {
      if (!token.startsWith('<!--')) parent.children.push({ type: 'text', value: decodeEntities(token) });
      continue;
    }
    const tag = rawTag.toLowerCase();
    if (closing) {
      const open = stack.findLastIndex((element) => element.tag === tag);
      if (open > 0) stack.length = open;
      continue;
    }
    const element: HtmlElement = { type: 'element', tag, attributes: parseAttributes(rawAttributes ?? ''), children: [] };
    parent.children.push(element);
    if (!selfClosing && !VOID_TAGS.has(tag)) stack.push(element);
  }
  return root.children;
}

function parseAttributes(source: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const [, name, double, single, bare] of source.matchAll(ATTRIBUTE)) {
    if (name) attributes[name.toLowerCase()] = decodeEntities(double ?? single ?? bare ?? '');
  }
  return attributes;
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return ENTITIES[body.toLowerCase()] ?? entity;
  });
}

/** Renders flow content: runs of inline nodes become paragraphs, block elements render by their own rules. */
function flowBlocks(nodes: readonly HtmlNode[]): string[] {
  const blocks: string[] = [];
  let inline: HtmlNode[] = [];
  const flush = () => {
    const text = inlineText(inline).trim();
    if (text) blocks.push(text);
    inline = [];
  };
  for (const node of nodes) {
    if (node.type === 'element' && BLOCK_TAGS.has(node.tag)) {
      flush();
      blocks.push(...elementBlocks(node));
    } else {
      inline.push(node);
    }
  }
  flush();
  return blocks;
}

function elementBlocks(element: HtmlElement): string[] {
  switch (element.tag) {
    case 'ul':
    case 'ol':
      if (isNotesList(element)) return notesBlocks(element);
      return joinedNonEmpty(listLines(element, 0));
    case 'table':
      return tableBlocks(element);
    case 'hr':
      return [];
    default:
      return flowBlocks(element.children);
  }
}

function inlineText(nodes: readonly HtmlNode[]): string {
  let text = '';
  for (const node of nodes) {
    if (node.type === 'text') {
      text += node.value;
      continue;
    }
    switch (node.tag) {
      case 'br':
        text += '\n';
        break;
      case 'input':
        if (node.attributes.type === 'checkbox') text += 'checked' in node.attributes ? '[x] ' : '[ ] ';
        break;
      case 'a':
        if (!isNoteBackLink(node)) text += inlineText(node.children);
        break;
      default:
        text += inlineText(node.children);
    }
  }
  return text;
}

/** Mammoth ends each note with a link back to its marker, "↑"; it means nothing in plain text. */
function isNoteBackLink(element: HtmlElement): boolean {
  return (element.attributes.href ?? '').startsWith('#') && inlineText(element.children).trim() === '↑';
}

/** Lines of a list, nested lists indented under their item; an item's extra lines align with its text. */
function listLines(list: HtmlElement, depth: number): string[] {
  const indent = '  '.repeat(depth);
  const lines: string[] = [];
  let number = 0;
  for (const child of list.children) {
    if (child.type === 'text') continue;
    if (child.tag === 'ul' || child.tag === 'ol') {
      lines.push(...listLines(child, depth + 1));
      continue;
    }
    const marker = child.tag === 'li' ? (list.tag === 'ol' ? `${++number}. ` : '• ') : '';
    let lead = indent + marker;
    const rest = indent + ' '.repeat(marker.length);
    let own: HtmlNode[] = [];
    const flushOwn = () => {
      for (const line of flowBlocks(own).join('\n').split('\n')) {
        if (!line.trim()) continue;
        lines.push(lead + line.trim());
        lead = rest;
      }
      own = [];
    };
    for (const node of child.tag === 'li' ? child.children : [child]) {
      if (node.type === 'element' && (node.tag === 'ul' || node.tag === 'ol')) {
        flushOwn();
        lines.push(...listLines(node, depth + 1));
      } else {
        own.push(node);
      }
    }
    flushOwn();
  }
  return lines;
}

function isNotesList(list: HtmlElement): boolean {
  const items = list.children.filter((child): child is HtmlElement => child.type === 'element');
  return items.length > 0 && items.every((item) => item.tag === 'li' && NOTE_ID.test(item.attributes.id ?? ''));
}

/** The notes mammoth gathers at the end, numbered as their inline markers are ("[1]", "[2]"...). */
function notesBlocks(list: HtmlElement): string[] {
  const lines: string[] = [];
  for (const item of list.children) {
    if (item.type !== 'element') continue;
    const text = flowBlocks(item.children).join(' ').replace(/\s*\n\s*/g, ' ');
    lines.push(`[${lines.length + 1}] ${text}`.trimEnd());
  }
  return ['Notes', lines.join('\n')];
}

/** Rows of single-line cells become "a | b | c" lines; a row with longer cells becomes one block, its cells' lines stacked. */
function tableBlocks(table: HtmlElement): string[] {
  const blocks: string[] = [];
  let rowLines: string[] = [];
  const flushRows = () => {
    blocks.push(...joinedNonEmpty(rowLines));
    rowLines = [];
  };
  for (const row of tableRows(table)) {
    const cells = row.children
      .filter((cell): cell is HtmlElement => cell.type === 'element' && (cell.tag === 'td' || cell.tag === 'th'))
      .map((cell) => flowBlocks(cell.children));
    if (cells.every((cell) => cell.length <= 1 && !(cell[0] ?? '').includes('\n'))) {
      const line = cells.map((cell) => cell[0] ?? '').filter(Boolean).join(' | ');
      if (line) rowLines.push(line);
    } else {
      flushRows();
      const stacked = cells.flat().join('\n');
      if (stacked) blocks.push(stacked);
    }
  }
  flushRows();
  return blocks;
}

function tableRows(table: HtmlElement): HtmlElement[] {
  const rows: HtmlElement[] = [];
  for (const child of table.children) {
    if (child.type !== 'element') continue;
    if (child.tag === 'tr') rows.push(child);
    else if (child.tag === 'thead' || child.tag === 'tbody' || child.tag === 'tfoot') rows.push(...tableRows(child));
  }
  return rows;
}

function joinedNonEmpty(lines: readonly string[]): string[] {
  return lines.length > 0 ? [lines.join('\n')] : [];
}
