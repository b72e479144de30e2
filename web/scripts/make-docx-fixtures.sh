#!/usr/bin/env bash
# Makes the DOCX, legacy-format, bad-file and text fixtures in src/lib/documents/testdata/ and the DOCX reference texts.
# Needs libreoffice (writer) and python3; run from web/: bash scripts/make-docx-fixtures.sh
# The DOCX sources are hand-written flat ODT files in testdata/source/. textbox-notes.reference.txt is written by hand
# (LibreOffice's text export drops text boxes and notes) and is left alone here.
set -euo pipefail
cd "$(dirname "$0")/.."

out=src/lib/documents/testdata
src=$out/source
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for tool in libreoffice python3; do
  command -v "$tool" >/dev/null || { echo "missing: $tool (apt-get install libreoffice-writer-nogui python3)" >&2; exit 1; }
done

# A private LibreOffice profile, so a running LibreOffice (or another script) does not lock this one out.
lo() { libreoffice -env:UserInstallation="file://$work/profile" --headless "$@" >/dev/null; }

# Word documents from the flat ODT sources.
lo --convert-to 'docx:MS Word 2007 XML' --outdir "$out" "$src/textbox-notes.fodt" "$src/table-list.fodt"

# The formats refused with "save it as PDF or DOCX": Word 97 .doc, RTF and OpenDocument.
lo --convert-to 'doc:MS Word 97' --outdir "$out" "$src/table-list.fodt"
lo --convert-to 'rtf:Rich Text Format' --outdir "$out" "$src/table-list.fodt"
lo --convert-to 'odt:writer8' --outdir "$out" "$src/table-list.fodt"

# Reference texts from LibreOffice's plain-text export, independent of mammoth.
for docx in "$out/table-list.docx" "$out"/mammoth-*.docx; do
  name=$(basename "$docx" .docx)
  [ "$name" = mammoth-empty ] && continue
  lo --convert-to 'txt:Text (encoded):UTF8' --outdir "$work/txt" "$docx"
  sed '1s/^\xEF\xBB\xBF//' "$work/txt/$name.txt" >"$out/$name.reference.txt"
done

python3 - "$out" <<'PY'
import struct, sys, zipfile, zlib
out = sys.argv[1]

def write(name, data):
    with open(f'{out}/{name}', 'wb') as file:
        file.write(data)

# A real DOCX cut in half: its ZIP directory (at the end) is gone, its first entries are still readable.
docx = open(f'{out}/textbox-notes.docx', 'rb').read()
write('truncated.docx', docx[: len(docx) // 2])

# A zero-byte file with a name that promises a PDF.
write('empty.pdf', b'')

# A fake Apple Pages document: a ZIP with the entries Pages 5+ writes (contents are not real IWA).
with zipfile.ZipFile(f'{out}/resume.pages', 'w') as pages:
    for entry in ('Index/Document.iwa', 'Index/Metadata.iwa', 'Metadata/Properties.plist'):
        pages.writestr(zipfile.ZipInfo(entry, date_time=(2024, 1, 1, 0, 0, 0)), b'\x00' * 16)

# A 4x4 PNG named like a Word document.
def chunk(kind, data):
    return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data))
pixels = b''.join(b'\x00' + b'\x80\x80\x80' * 4 for _ in range(4))
png = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', 4, 4, 8, 2, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(pixels)) + chunk(b'IEND', b'')
write('png-as-docx.docx', png)

# Plain text: CRLF line endings, a ligature, NBSP, a zero-width space, trailing spaces and a run of blank lines.
plain = ('Data Analyst \u2014 Remote\r\n\r\n'
         'We are looking for an analyst who \ufb01nds stories in numbers.\u00a0You will work with SQL and Python.  \r\n'
         '\r\n\r\n\r\n\r\n'
         'Requirements:\r\n- Three years of experience\u200b\r\n- Clear writing\r\n')
write('plain-utf8.txt', plain.encode('utf-8'))

# Markdown with a UTF-8 byte-order mark, kept as Markdown.
markdown = ('# Alex Kim\n\n**Product designer** in Busan.\n\n## Experience\n\n'
            '- Led the redesign of a banking app (4M users)\n- Ran 40 usability studies\n\n'
            '| Year | Company |\n|---|---|\n| 2021 | Hana Bank |\n')
write('markdown-bom.md', b'\xef\xbb\xbf' + markdown.encode('utf-8'))

# UTF-16 with byte-order marks, little- and big-endian.
write('utf16le.txt', b'\xff\xfe' + 'R\u00e9sum\u00e9 \u2014 \u00c9lodie Martin\r\nD\u00e9veloppeuse full-stack \u00e0 Lyon.\r\n'.encode('utf-16-le'))
write('utf16be.txt', b'\xfe\xff' + '\ub370\uc774\ud130 \uc5d4\uc9c0\ub2c8\uc5b4 \uae40\ubbfc\uc900\nSeoul, 2024.\n'.encode('utf-16-be'))
PY

ls -l "$out"/*.docx "$out"/*.doc "$out"/*.rtf "$out"/*.odt "$out"/*.pages "$out"/*.txt "$out"/*.md "$out"/empty.pdf
