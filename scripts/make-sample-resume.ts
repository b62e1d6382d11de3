// Writes docs/samples/resume.pdf: a one-page resume with a real text layer (pdf-lib), for the
// README's "apply to a job" walkthrough. Deterministic, so re-running it changes nothing.
//   npx tsx scripts/make-sample-resume.ts [out.pdf]
import { writeFileSync } from 'node:fs';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';

const LINES: [string, number][] = [
  ['Asha Rao', 20],
  ['Data Analyst · Pune, India · asha.rao@example.com · +91 98765 43210', 10],
  ['', 10],
  ['Summary', 13],
  ['Data analyst with 3 years of experience turning sales and operations data into decisions.', 10],
  ['', 10],
  ['Skills', 13],
  ['SQL (PostgreSQL, BigQuery), Python (pandas), Power BI, Excel, A/B testing, statistics', 10],
  ['', 10],
  ['Experience', 13],
  ['2023-now  Analyst, Kirana Retail Pvt Ltd: weekly demand forecasts; cut stock-outs by 18%.', 10],
  ['2022-2023  Junior Analyst, CityCabs: driver-supply dashboards used by 40 city managers.', 10],
  ['', 10],
  ['Education', 13],
  ['B.Sc. Statistics, Savitribai Phule Pune University, 2022', 10],
];

const out = process.argv[2] ?? 'docs/samples/resume.pdf';
const pdf = await PDFDocument.create();
// Fixed metadata dates: the same bytes on every run.
const epoch = new Date('2026-01-01T00:00:00Z');
pdf.setCreationDate(epoch);
pdf.setModificationDate(epoch);
pdf.setTitle('Asha Rao - resume (sample)');
pdf.setProducer('mas-platform scripts/make-sample-resume.ts');
const page = pdf.addPage([595, 842]);
const regular = await pdf.embedFont(StandardFonts.Helvetica);
const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
let y = 790;
for (const [text, size] of LINES) {
  if (text) page.drawText(text, { x: 50, y, size, font: size > 10 ? bold : regular, color: rgb(0.1, 0.1, 0.1) });
  y -= size + 8;
}
writeFileSync(out, await pdf.save());
console.log(`wrote ${out}`);
