// Benchmark: DOCX fixtures to clean text in Node, warm (mammoth already imported), through extractDocumentWith.
// Run from web/: npx vitest bench --run src/lib/documents/docx.bench.ts
import { bench, describe } from 'vitest';
import { extractDocumentWith, type PdfReader } from './extract.ts';
import { readFixture } from './testdata/fixtures.ts';

const noPdf: PdfReader = () => Promise.reject(new Error('no PDF expected'));
const files = [
  ['textbox-notes.docx', await readFixture('textbox-notes.docx')],
  ['table-list.docx', await readFixture('table-list.docx')],
  ['mammoth-simple-list.docx', await readFixture('mammoth-simple-list.docx')],
  ['mammoth-single-paragraph.docx', await readFixture('mammoth-single-paragraph.docx')],
  ['mammoth-strict-format.docx', await readFixture('mammoth-strict-format.docx')],
  ['mammoth-tables.docx', await readFixture('mammoth-tables.docx')],
] as const;

describe('DOCX to text, warm', () => {
  for (const [name, bytes] of files) {
    const file = new File([bytes], name);
    bench(name, async () => {
      const outcome = await extractDocumentWith(file, {}, noPdf);
      if (!outcome.ok) throw new Error(outcome.problem.message);
    }, { warmupIterations: 5, iterations: 20, time: 0 });
  }
});
