// Table tests for laying out mammoth's HTML as plain text.
import { describe, expect, it } from 'vitest';
import { docxHtmlToText } from './docx-html.ts';

describe('docxHtmlToText', () => {
  it.each([
    ['paragraphs are separated by a blank line', '<p>One.</p><p>Two.</p>', 'One.\n\nTwo.'],
    ['headings are their own paragraphs', '<h1>Jane Doe</h1><h2>Experience</h2><p>Acme</p>', 'Jane Doe\n\nExperience\n\nAcme'],
    ['inline formatting is dropped, its text kept', '<p><strong>Go</strong>, <em>Rust</em> and <u>C</u><s>++</s></p>', 'Go, Rust and C++'],
    ['a line break stays a line break', '<p>Line one<br />Line two</p>', 'Line one\nLine two'],
    ['entities are decoded', '<p>R&amp;D &lt;team&gt; &quot;lead&quot; &#39;x&#39; &#x2014; &#8212;</p>', 'R&D <team> "lead" \'x\' — —'],
    ['unknown entities stay', '<p>&bogus; &amp</p>', '&bogus; &amp'],
    ['tabs and inner spaces stay', '<p>Engineer\t2019  2021</p>', 'Engineer\t2019  2021'],
    ['empty paragraphs vanish', '<p></p><p> </p><p>Text</p>', 'Text'],
    ['images are dropped with their alt text', '<p>Photo <img alt="A person smiling" src="" /> here</p>', 'Photo  here'],
    ['links keep their text only', '<p><a href="https://example.com">Portfolio</a></p>', 'Portfolio'],
    ['bookmarks are dropped', '<p><a id="_Toc1"></a>Summary</p>', 'Summary'],
    ['checkboxes', '<p><input type="checkbox" checked="checked" />Done</p><p><input type="checkbox" />Todo</p>', '[x] Done\n\n[ ] Todo'],
    ['comments are dropped', '<p>a<!-- note -->b</p>', 'ab'],
    ['bullet list', '<ul><li>Apple</li><li>Banana</li></ul>', '• Apple\n• Banana'],
    ['numbered list', '<ol><li>First</li><li>Second</li><li>Third</li></ol>', '1. First\n2. Second\n3. Third'],
    [
      'nested lists indent two spaces a level and number each list from 1',
      '<ol><li>Design<ul><li>API<ol><li>Retries</li></ol></li><li>Events</li></ul></li><li>On-call</li></ol>',
      '1. Design\n  • API\n    1. Retries\n  • Events\n2. On-call',
    ],
    [
      'list items with several paragraphs align their lines',
      '<ul><li><p>Lead</p><p>Second line</p></li><li>Next</li></ul>',
      '• Lead\n  Second line\n• Next',
    ],
    ['a list between paragraphs', '<p>Before</p><ul><li>Item</li></ul><p>After</p>', 'Before\n\n• Item\n\nAfter'],
    [
      'a table of single-line cells: one line per row',
      '<table><thead><tr><th><p>Skill</p></th><th><p>Years</p></th></tr></thead><tbody><tr><td><p>Go</p></td><td><p>Six</p></td></tr></tbody></table>',
      'Skill | Years\nGo | Six',
    ],
    [
      'empty cells are left out of a row',
      '<table><tr><td><p>2019</p></td><td></td><td><p>Acme</p></td></tr></table>',
      '2019 | Acme',
    ],
    [
      'a row with a multi-paragraph cell becomes one block, cells in reading order',
      '<table><tr><td><p>2019 – 2023</p></td><td><p>Acme, Engineer</p><ul><li>Built X</li><li>Ran Y</li></ul></td></tr><tr><td><p>2015</p></td><td><p>BSc</p></td></tr></table>',
      '2019 – 2023\nAcme, Engineer\n• Built X\n• Ran Y\n\n2015 | BSc',
    ],
    [
      'a nested table is read in place',
      '<table><tr><td><p>Outer</p><table><tr><td><p>a</p></td><td><p>b</p></td></tr></table></td></tr></table>',
      'Outer\na | b',
    ],
    [
      'footnote markers stay inline and notes follow under "Notes"',
      '<p>Work.<sup><a href="#footnote-2" id="footnote-ref-2">[1]</a></sup></p><p>More.<sup><a href="#endnote-1" id="endnote-ref-1">[2]</a></sup></p>' +
        '<ol><li id="footnote-2"><p>Note one. <a href="#footnote-ref-2">↑</a></p></li><li id="endnote-1"><p>Note two. <a href="#endnote-ref-1">↑</a></p></li></ol>',
      'Work.[1]\n\nMore.[2]\n\nNotes\n\n[1] Note one.\n[2] Note two.',
    ],
    [
      'a note with several paragraphs reads as one line',
      '<ol><li id="footnote-1"><p>First part.</p><p>Second part. <a href="#footnote-ref-1">↑</a></p></li></ol>',
      'Notes\n\n[1] First part. Second part.',
    ],
    ['an ordinary ordered list is not taken for notes', '<ol><li id="item-1">Step</li></ol>', '1. Step'],
    ['unclosed tags are tolerated', '<p>One<p>Two', 'One\n\nTwo'],
    ['stray closing tags are ignored', '</td><p>Text</span></p>', 'Text'],
    ['a lone "<" is text', '<p>a < b</p>', 'a < b'],
    ['nothing', '', ''],
  ])('%s', (_name, html, expected) => {
    expect(docxHtmlToText(html)).toBe(expected);
  });
});
