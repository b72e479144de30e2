// Captures pdf.js's text items of each text fixture to src/lib/documents/testdata/<name>.items.json,
// so the layout is tested on real pdf.js output without pdf.js. Run from web/: npx tsx scripts/capture-pdf-items.ts

import { writeFileSync } from 'node:fs';
import { readBytes, TESTDATA, TEXT_FIXTURES } from '../src/lib/documents/pdf/fixture-files.ts';
import { loadNodePdfjs } from '../src/lib/documents/pdf/node-pdfjs.ts';
import { readPdfPages } from '../src/lib/documents/pdf/read-pdf.ts';
import type { PdfTextItem } from '../src/lib/documents/pdf/types.ts';

const round = (value: number) => Math.round(value * 100) / 100;

/** Keeps only the fields the layout reads, numbers to two decimals; empty items carry nothing and go. */
function slim(item: PdfTextItem): PdfTextItem {
  return {
    str: item.str,
    dir: item.dir,
    transform: item.transform.map(round),
    width: round(item.width),
    height: round(item.height),
  };
}

const pdfjs = await loadNodePdfjs();
for (const fixture of TEXT_FIXTURES) {
  const read = await readPdfPages(pdfjs, readBytes(fixture.pdf), { password: fixture.password });
  if (!read.ok) throw new Error(`${fixture.name}: ${read.code}`);
  const pages = read.pages.map((page) => {
    const items = page.items.filter((item) => item.str !== '').map((item) => JSON.stringify(slim(item)));
    return `    {\n      "view": ${JSON.stringify(page.view.map(round))},\n      "items": [\n        ${items.join(',\n        ')}\n      ]\n    }`;
  });
  const source = fixture.pdf.pathname.split('/').at(-1);
  const json = `{\n  "source": ${JSON.stringify(source)},\n  "pdfjs": ${JSON.stringify(pdfjs.version)},\n  "pages": [\n${pages.join(',\n')}\n  ]\n}\n`;
  const target = new URL(`${fixture.name}.items.json`, TESTDATA);
  writeFileSync(target, json);
  console.log(`${fixture.name}: ${read.pageCount} pages, ${json.length} bytes → ${target.pathname}`);
}
