#!/usr/bin/env bash
# Makes the PDF edge-case fixtures in src/lib/documents/testdata/ and their pdftotext reference texts.
# Needs libreoffice (writer), qpdf, poppler-utils and python3; run from web/: bash scripts/make-pdf-fixtures.sh
set -euo pipefail
cd "$(dirname "$0")/.."

out=src/lib/documents/testdata
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for tool in libreoffice qpdf pdftotext pdftoppm python3; do
  command -v "$tool" >/dev/null || { echo "missing: $tool (apt-get install libreoffice-writer-nogui qpdf poppler-utils python3)" >&2; exit 1; }
done

# Shared styles of the hand-written flat ODT documents: A4, Liberation Sans, US English hyphenation.
fodt_head() {
  cat <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:font-face-decls>
  <style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'" style:font-family-generic="swiss" style:font-pitch="variable"/>
 </office:font-face-decls>
 <office:styles>
  <style:default-style style:family="paragraph">
   <style:paragraph-properties fo:hyphenation-ladder-count="no-limit"/>
   <style:text-properties style:font-name="Liberation Sans" fo:font-size="10pt" fo:language="en" fo:country="US" fo:hyphenate="true" fo:hyphenation-remain-char-count="3" fo:hyphenation-push-char-count="3"/>
  </style:default-style>
  <style:style style:name="Standard" style:family="paragraph">
   <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.18cm" fo:text-align="justify"/>
  </style:style>
  <style:style style:name="Title" style:family="paragraph">
   <style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.1cm"/>
   <style:text-properties fo:font-size="22pt" fo:font-weight="bold" fo:hyphenate="false"/>
  </style:style>
  <style:style style:name="Subtitle" style:family="paragraph">
   <style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.5cm"/>
   <style:text-properties fo:font-size="11pt" fo:hyphenate="false"/>
  </style:style>
  <style:style style:name="Heading" style:family="paragraph">
   <style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.15cm" fo:keep-with-next="always"/>
   <style:text-properties fo:font-size="12.5pt" fo:font-weight="bold" fo:hyphenate="false"/>
  </style:style>
  <style:style style:name="Bullet" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:margin-left="0.4cm" fo:text-indent="-0.3cm" fo:margin-bottom="0.08cm"/>
  </style:style>
  <style:style style:name="Header" style:family="paragraph">
   <style:paragraph-properties fo:text-align="end"/>
   <style:text-properties fo:font-size="8pt" fo:hyphenate="false"/>
  </style:style>
  <style:style style:name="Footer" style:family="paragraph">
   <style:paragraph-properties fo:text-align="center"/>
   <style:text-properties fo:font-size="8pt" fo:hyphenate="false"/>
  </style:style>
 </office:styles>
 <office:automatic-styles>
  <style:page-layout style:name="pm1">
   <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.2cm" fo:margin-bottom="1.2cm" fo:margin-left="2cm" fo:margin-right="2cm"/>
   <style:header-style><style:header-footer-properties fo:min-height="0.5cm" fo:margin-bottom="0.5cm"/></style:header-style>
   <style:footer-style><style:header-footer-properties fo:min-height="0.5cm" fo:margin-top="0.5cm"/></style:footer-style>
  </style:page-layout>
  <style:style style:name="Columns" style:family="section">
   <style:section-properties text:dont-balance-text-columns="true">
    <style:columns fo:column-count="2" fo:column-gap="0.9cm"/>
   </style:section-properties>
  </style:style>
  <style:style style:name="NextColumn" style:family="paragraph" style:parent-style-name="Heading">
   <style:paragraph-properties fo:break-before="column"/>
  </style:style>
  <style:style style:name="NextPage" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:break-before="page"/>
  </style:style>
  <style:style style:name="sup" style:family="text">
   <style:text-properties style:text-position="super 58%"/>
  </style:style>
 </office:automatic-styles>
XML
}

# Two columns under a full-width title, a header and a "Page N of M" footer on both pages. Column
# breaks are explicit so the reading order is known: page 1 left, page 1 right, page 2 left, page 2 right.
two_column_fodt() {
  fodt_head
  cat <<'XML'
 <office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="pm1">
   <style:header><text:p text:style-name="Header">Jordan Rivera · Curriculum Vitae</text:p></style:header>
   <style:footer><text:p text:style-name="Footer">Page <text:page-number text:select-page="current">1</text:page-number> of <text:page-count>2</text:page-count></text:p></style:footer>
  </style:master-page>
 </office:master-styles>
 <office:body><office:text>
  <text:p text:style-name="Title">Jordan Rivera</text:p>
  <text:p text:style-name="Subtitle">Senior Platform Engineer · Lisbon, Portugal · jordan.rivera@example.org</text:p>
  <text:section text:style-name="Columns" text:name="Body">
   <text:p text:style-name="Heading">Summary</text:p>
   <text:p text:style-name="Standard">Platform engineer with eleven years of experience building reliable infrastructure for payment processors, marketplaces and public health agencies. Comfortable owning a system from the first whiteboard sketch through capacity planning, incident response and the quiet years of maintenance that follow a successful launch.</text:p>
   <text:p text:style-name="Standard">Known for turning fragile deployment pipelines into boring ones, for writing runbooks that people actually read, and for mentoring engineers who later became team leads themselves. Finished 1<text:span text:style-name="sup">st</text:span> of forty teams at the regional reliability hackathon.</text:p>
   <text:p text:style-name="Heading">Experience</text:p>
   <text:p text:style-name="Standard">Northwind Payments, Lisbon — Staff Platform Engineer, 2021 to present.</text:p>
   <text:p text:style-name="Bullet">• Designed a multi‑region Kubernetes platform serving 5 000 merchants with 99.99 percent availability, replacing a hand-maintained fleet of virtual machines that nobody dared to restart.</text:p>
   <text:p text:style-name="Bullet">• Introduced progressive delivery with automated canary analysis, which cut failed releases by two thirds and shortened the median time to recovery from forty minutes to six.</text:p>
   <text:p text:style-name="Bullet">• Led the ﬁnancial compliance programme for infrastructure, mapping every control to code and evidence so that auditors could verify the platform without interviews.</text:p>
   <text:p text:style-name="Heading">Cloud Migration</text:p>
   <text:p text:style-name="Standard">Moved forty‑two legacy services from a colocation facility into managed cloud accounts over eighteen months without a single customer‑visible outage, coordinating database replication, traffic shifting and rollback rehearsals with seven product teams.</text:p>
   <text:p text:style-name="NextColumn">Earlier Roles</text:p>
   <text:p text:style-name="Standard">Harbor Analytics, Porto — Senior Site Reliability Engineer, 2017 to 2021.</text:p>
   <text:p text:style-name="Bullet">• Built the observability stack from scratch: structured logging, distributed tracing and service level objectives that product managers used when planning their roadmaps.</text:p>
   <text:p text:style-name="Bullet">• Automated database failover drills that ran every week in production, turning a feared quarterly exercise into an unremarkable routine that surfaced real bugs early.</text:p>
   <text:p text:style-name="Standard">Blue Heron Health, Coimbra — Systems Engineer, 2013 to 2017.</text:p>
   <text:p text:style-name="Bullet">• Maintained the vaccination registry used by three hundred clinics, including its nightly reconciliation jobs, its backups and its painfully old message queue.</text:p>
   <text:p text:style-name="Bullet">• Wrote the configuration management baseline that hardened every server against the national security benchmark and halved the time needed to provision new clinics.</text:p>
   <text:p text:style-name="Heading">Projects</text:p>
   <text:p text:style-name="Standard">Maintainer of an open source chaos engineering toolkit with contributors from twelve countries; speaker at regional conferences about incident reviews that focus on learning rather than blame, and about making on‑call rotations humane for small teams.</text:p>
   <text:p text:style-name="Standard">Co‑organiser of a monthly meetup where operators from banks, hospitals and startups compare notes on outages, tooling and hiring; the meetup has run for six years and now streams every talk with captions.</text:p>
   <text:p text:style-name="Heading">Awards</text:p>
   <text:p text:style-name="Standard">Engineering excellence award from Northwind Payments in 2023 for the migration programme, and a community recognition award from the national open source association in 2020.</text:p>
   <text:p text:style-name="NextColumn">Education</text:p>
   <text:p text:style-name="Standard">University of Coimbra — Master of Science in Informatics Engineering, 2013. Thesis on adaptive load balancing for overloaded web services, graded with distinction by an external committee.</text:p>
   <text:p text:style-name="Standard">University of Coimbra — Bachelor of Science in Informatics Engineering, 2011, with an exchange semester at the Technical University of Munich.</text:p>
   <text:p text:style-name="Heading">Certifications</text:p>
   <text:p text:style-name="Bullet">• Certified Kubernetes Administrator, renewed in 2024.</text:p>
   <text:p text:style-name="Bullet">• Professional Cloud Architect, with a focus on networking and identity.</text:p>
   <text:p text:style-name="Bullet">• Incident Commander training from a national emergency response agency.</text:p>
   <text:p text:style-name="Heading">Teaching</text:p>
   <text:p text:style-name="Standard">Guest lecturer for the distributed systems course at the University of Porto since 2019, covering consensus protocols, failure detectors and the practical diﬃculties of operating replicated databases across unreliable networks.</text:p>
   <text:p text:style-name="NextColumn">Skills</text:p>
   <text:p text:style-name="Standard">Kubernetes, Terraform, Go, Python, PostgreSQL, Kafka, Prometheus, OpenTelemetry, Linux performance analysis, network troubleshooting, capacity planning and cost optimisation for workloads with seasonal peaks.</text:p>
   <text:p text:style-name="Heading">Languages</text:p>
   <text:p text:style-name="Standard">Portuguese (native), English (fluent), Spanish (professional working proficiency), German (conversational, improving slowly through evening classes).</text:p>
   <text:p text:style-name="Heading">Interests</text:p>
   <text:p text:style-name="Standard">Long distance cycling along the Atlantic coast, restoring mechanical typewriters, and volunteering as a mentor for a programme that helps career changers find their first engineering job.</text:p>
   <text:p text:style-name="Standard">References are gladly provided on request after a first conversation.</text:p>
  </text:section>
 </office:text></office:body>
</office:document>
XML
}

# A plain one-column job description: the source of the protected, truncated and page-cap fixtures.
job_description_fodt() {
  fodt_head
  cat <<'XML'
 <office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="pm1"/>
 </office:master-styles>
 <office:body><office:text>
  <text:p text:style-name="Title">Site Reliability Engineer</text:p>
  <text:p text:style-name="Subtitle">Acme Logistics · Remote within Europe · Full time</text:p>
  <text:p text:style-name="Heading">About the role</text:p>
  <text:p text:style-name="Standard">We are looking for a site reliability engineer to keep our routing platform fast and available while the number of parcels we move doubles every year. You will own service level objectives, lead incident reviews, and work with product teams to make reliability part of every design discussion rather than an afterthought.</text:p>
  <text:p text:style-name="Heading">What you will do</text:p>
  <text:p text:style-name="Bullet">• Run and improve our Kubernetes clusters, Terraform modules and deployment pipelines.</text:p>
  <text:p text:style-name="Bullet">• Define alerts that page a human only when a customer is affected, and remove the rest.</text:p>
  <text:p text:style-name="Bullet">• Plan capacity for the holiday peak, when traffic grows five times in a single week.</text:p>
  <text:p text:style-name="Heading">What we look for</text:p>
  <text:p text:style-name="Standard">Several years operating production systems on a public cloud, fluency in one programming language such as Go or Python, calm judgement during incidents, and clear writing. Experience with message queues and relational databases at scale is a strong plus.</text:p>
 </office:text></office:body>
</office:document>
XML
}

# Thirty-one short pages, one over the reader's page cap (MAX_PDF_PAGES = 30).
many_pages_fodt() {
  fodt_head
  echo ' <office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"/></office:master-styles>'
  echo ' <office:body><office:text>'
  echo '  <text:p text:style-name="Standard">Page 1 of a document that is far too long.</text:p>'
  for n in $(seq 2 31); do
    echo "  <text:p text:style-name=\"NextPage\">Page $n of a document that is far too long.</text:p>"
  done
  echo ' </office:text></office:body>'
  echo '</office:document>'
}

two_column_fodt >"$work/two-column.fodt"
job_description_fodt >"$work/job-description.fodt"
many_pages_fodt >"$work/too-many-pages.fodt"
libreoffice --headless --convert-to pdf --outdir "$work" \
  "$work/two-column.fodt" "$work/job-description.fodt" "$work/too-many-pages.fodt" >/dev/null

# Rewrite through qpdf: compressed object streams keep the files small; IDs follow the content.
for name in two-column job-description too-many-pages; do
  qpdf --deterministic-id --object-streams=generate --compress-streams=y "$work/$name.pdf" "$out/$name.pdf"
done

qpdf --encrypt xquizit-user xquizit-owner 256 -- "$out/job-description.pdf" "$out/protected.pdf"

# A real PDF cut in the middle: pdf.js finds no page tree in what is left.
python3 - "$out/job-description.pdf" "$out/truncated.pdf" <<'PY'
import sys
data = open(sys.argv[1], 'rb').read()
open(sys.argv[2], 'wb').write(data[: len(data) // 2])
PY

# A PNG with a .pdf name: what a candidate gets when a phone "saves as PDF" a screenshot badly.
pdftoppm -png -r 12 -singlefile "$out/job-description.pdf" "$work/not-a-pdf"
cp "$work/not-a-pdf.png" "$out/not-a-pdf.pdf"

# A scan: the job description rendered to a grey image and wrapped in a PDF page with no text at all.
pdftoppm -gray -r 48 -singlefile "$out/job-description.pdf" "$work/scan"
python3 - "$work/scan.pgm" "$out/image-only.pdf" <<'PY'
import sys, zlib
raw = open(sys.argv[1], 'rb').read()
parts = raw.split(maxsplit=4)  # P5, width, height, maxval, pixels
width, height, pixels = int(parts[1]), int(parts[2]), parts[4]
image = zlib.compress(pixels, 9)
page_w, page_h = 595.28, 841.89
content = f'q {page_w} 0 0 {page_h} 0 0 cm /Scan Do Q\n0.8 g 40 40 120 12 re f\n'.encode()
objects = [
    b'<< /Type /Catalog /Pages 2 0 R >>',
    b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    f'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {page_w} {page_h}] /Resources << /XObject << /Scan 5 0 R >> >> /Contents 4 0 R >>'.encode(),
    b'<< /Length %d >>\nstream\n' % len(content) + content + b'endstream',
    f'<< /Type /XObject /Subtype /Image /Width {width} /Height {height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length {len(image)} >>\nstream\n'.encode() + image + b'\nendstream',
]
pdf = bytearray(b'%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')
offsets = []
for number, body in enumerate(objects, start=1):
    offsets.append(len(pdf))
    pdf += b'%d 0 obj\n' % number + body + b'\nendobj\n'
xref = len(pdf)
pdf += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objects) + 1)
pdf += b''.join(b'%010d 00000 n \n' % offset for offset in offsets)
pdf += b'trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n' % (len(objects) + 1, xref)
open(sys.argv[2], 'wb').write(pdf)
PY

# Hand-written PDFs for what pdf.js needs from our origin and for a PDF that keeps it busy:
# - cjk-standard-fonts.pdf: Japanese text in a font that is not embedded, encoded with the predefined CMap
#   UniJIS-UCS2-H (pdf.js needs the CMaps to read it), beside standard fonts that are not embedded either.
# - endless-content.pdf: one page whose compressed content stream inflates to 80 MB of "q Q" operators: pdf.js
#   works on it for a long time, as on a PDF that sends it into a loop (the reader must give up on its own).
python3 - "$out" <<'PY'
import sys, zlib
out = sys.argv[1]

def write_pdf(objects, path):
    pdf = bytearray(b'%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b'%d 0 obj\n' % number + body + b'\nendobj\n'
    xref = len(pdf)
    pdf += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objects) + 1)
    pdf += b''.join(b'%010d 00000 n \n' % offset for offset in offsets)
    pdf += b'trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n' % (len(objects) + 1, xref)
    open(path, 'wb').write(pdf)

def stream(data, filtered=False):
    body = zlib.compress(data, 9) if filtered else data
    return b'<< /Length %d%s >>\nstream\n' % (len(body), b' /Filter /FlateDecode' if filtered else b'') + body + b'\nendstream'

japanese = '職務経歴書 田中太郎 ソフトウェアエンジニア'.encode('utf-16-be').hex().upper().encode()
content = (b'BT /F1 14 Tf 72 720 Td (Resume of Taro Tanaka) Tj ET\n'
           b'BT /F2 14 Tf 72 690 Td <' + japanese + b'> Tj ET\n'
           b'BT /F3 12 Tf 72 660 Td (Set in Times Roman, not embedded.) Tj ET\n'
           b'BT /F4 12 Tf 72 640 Td (Set in Arial, not embedded.) Tj ET\n')
write_pdf([
    b'<< /Type /Catalog /Pages 2 0 R >>',
    b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R /F2 6 0 R /F3 9 0 R /F4 10 0 R >> >> /Contents 4 0 R >>',
    stream(content),
    b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    b'<< /Type /Font /Subtype /Type0 /BaseFont /KozMinPr6N-Regular /Encoding /UniJIS-UCS2-H /DescendantFonts [7 0 R] >>',
    b'<< /Type /Font /Subtype /CIDFontType0 /BaseFont /KozMinPr6N-Regular /CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 6 >> /FontDescriptor 8 0 R /DW 1000 >>',
    b'<< /Type /FontDescriptor /FontName /KozMinPr6N-Regular /Flags 6 /FontBBox [0 -141 1000 859] /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 740 /StemV 80 >>',
    b'<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>',
    b'<< /Type /Font /Subtype /TrueType /BaseFont /Arial /Encoding /WinAnsiEncoding /FirstChar 32 /LastChar 126 /FontDescriptor 11 0 R >>',
    b'<< /Type /FontDescriptor /FontName /Arial /Flags 32 /FontBBox [-665 -325 2000 1040] /ItalicAngle 0 /Ascent 905 /Descent -212 /CapHeight 716 /StemV 80 >>',
], f'{out}/cjk-standard-fonts.pdf')

busy = b'BT /F1 12 Tf 72 720 Td (This page takes pdf.js a very long time.) Tj ET\n' + b'q Q\n' * 20_000_000
write_pdf([
    b'<< /Type /Catalog /Pages 2 0 R >>',
    b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    stream(busy, filtered=True),
    b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
], f'{out}/endless-content.pdf')
PY

# Written by hand: pdftotext has no language pack for Adobe-Japan1 here and drops the Japanese line.
cat >"$out/cjk-standard-fonts.reference.txt" <<'TXT'
Resume of Taro Tanaka
職務経歴書 田中太郎 ソフトウェアエンジニア
Set in Times Roman, not embedded.
Set in Arial, not embedded.
TXT

# Reference texts: poppler's plain reading order, what the layout's output is measured against.
# References leave out the running headers and footers (page numbers too): the reader drops those on purpose.
pdftotext -enc UTF-8 "$out/awesome-cv-resume.pdf" - |
  grep -v -x -E 'February 10, 2026|Byungjin Park · Résumé|[0-9]+' >"$out/awesome-cv-resume.reference.txt"
pdftotext -enc UTF-8 "$out/two-column.pdf" - |
  grep -v -x -E 'Jordan Rivera · Curriculum Vitae|Page [0-9]+ of [0-9]+' >"$out/two-column.reference.txt"
pdftotext -enc UTF-8 "$out/job-description.pdf" "$out/job-description.reference.txt"
pdftotext -enc UTF-8 -upw xquizit-user "$out/protected.pdf" "$out/protected.reference.txt"

ls -l "$out"/*.pdf "$out"/*.reference.txt
echo "Now capture the text items: npx tsx scripts/capture-pdf-items.ts"
