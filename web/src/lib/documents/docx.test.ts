// DOCX to text through mammoth, checked against reference texts made without mammoth (LibreOffice, or by hand).
import { describe, expect, it } from 'vitest';
import { extractDocx } from './docx.ts';
import { arrayBufferOf, readFixture, readReference } from './testdata/fixtures.ts';
import { wordRecallInOrder } from './testdata/word-recall.ts';

const own = async (name: string) => extractDocx(arrayBufferOf(await readFixture(name)));

async function textOf(outcome: Promise<Awaited<ReturnType<typeof extractDocx>>>): Promise<string> {
  const result = await outcome;
  if (!result.ok) throw new Error(`extraction failed: ${result.code}`);
  return result.text;
}

describe('extractDocx word recall against the reference text', () => {
  it.each([
    ['textbox-notes', () => own('textbox-notes.docx')],
    ['table-list', () => own('table-list.docx')],
    ['mammoth-simple-list', () => own('mammoth-simple-list.docx')],
    ['mammoth-single-paragraph', () => own('mammoth-single-paragraph.docx')],
    ['mammoth-strict-format', () => own('mammoth-strict-format.docx')],
    ['mammoth-tables', () => own('mammoth-tables.docx')],
  ])('%s keeps ≥ 98% of its words in order', async (name, extract) => {
    const text = await textOf(extract());
    const reference = await readReference(`${name}.reference.txt`);
    expect(wordRecallInOrder(reference, text)).toBeGreaterThanOrEqual(0.98);
  });
});

describe('extractDocx layout', () => {
  it('keeps the text box after the paragraph it is anchored to', async () => {
    const text = await textOf(own('textbox-notes.docx'));
    expect(text).toContain('nine years of backend and platform work.[1]\n\nContact: jane.doe@example.com\n\nPhone: +82 10 5555 0100');
  });

  it('marks footnotes and endnotes inline and lists them at the end under "Notes"', async () => {
    const text = await textOf(own('textbox-notes.docx'));
    expect(text).toContain('platform work.[1]');
    expect(text).toContain('by 80 percent.[2]');
    expect(text.endsWith('Notes\n\n[1] Moving to Berlin in the spring of next year.\n[2] Measured over twelve months of production traffic.')).toBe(true);
  });

  it('reads a data table row by row, cells joined with " | "', async () => {
    const text = await textOf(own('table-list.docx'));
    expect(text).toContain('What you will use\n\nSkill | Level | Years\nGo | Expert | Six\nKubernetes | Advanced | Four\nPostgreSQL | Intermediate | Three\n\nWhat you will do');
  });

  it('stacks a row with multi-paragraph cells as one block', async () => {
    const text = await textOf(own('table-list.docx'));
    expect(text).toContain('Seoul office\nCore ledger team, eight people.\nHybrid, three days on site.\n\nRemote | Within three hours of Korea time.');
  });

  it('keeps nested bullets and numbers', async () => {
    const text = await textOf(own('table-list.docx'));
    expect(text).toContain(
      '• Design the services behind checkout\n  • The payments API\n    • Idempotent retries\n  • Billing events and webhooks\n• Share the on-call rotation with five other engineers',
    );
    expect(text).toContain('1. Send your resume\n2. Talk with the hiring manager\n3. Meet the team for a design session');
  });

  it("reads mammoth's table fixture in reading order", async () => {
    expect(await textOf(own('mammoth-tables.docx'))).toBe('Above\n\nTop left | Top right\nBottom left | Bottom right\n\nBelow');
  });

  it('reads a Strict Open XML document', async () => {
    expect(await textOf(own('mammoth-strict-format.docx'))).toBe('Test');
  });

  it('gives empty text for a document without text', async () => {
    expect(await textOf(own('mammoth-empty.docx'))).toBe('');
  });
});

describe('extractDocx failures', () => {
  it.each([
    ['a DOCX cut in half', 'truncated.docx'],
    ['a PNG', 'png-as-docx.docx'],
    ['an OpenDocument file', 'table-list.odt'],
  ])('%s is corrupt', async (_name, fixture) => {
    expect(await own(fixture)).toEqual({ ok: false, code: 'corrupt' });
  });
});
