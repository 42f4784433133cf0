package destruction

import (
	"bufio"
	"html/template"
	"io"
)

// htmlTemplate is the act as an HTML page to print on A4: the page margins
// of Russian office documents, the table header repeated on every page, a
// signature block per member kept on one page, and the digest in a footer
// that browsers repeat on every printed page.
const htmlTemplate = `<!DOCTYPE html>
<html lang="ru">
<head>
<meta charset="utf-8">
<title>{{.Title}} {{.Subtitle}}</title>
<style>
@page { size: A4 portrait; margin: 20mm 10mm 22mm 25mm; }
body { font-family: "Times New Roman", "Liberation Serif", "PT Serif", serif; font-size: 12pt; line-height: 1.3; color: #000; max-width: 175mm; margin: 10mm auto; }
.conf { text-align: right; font-style: italic; margin: 0; }
.approve { margin: 4mm 0 6mm 55%; }
.approve p { margin: 0; }
h1 { text-align: center; font-size: 14pt; margin: 6mm 0 0; }
.subtitle { text-align: center; font-weight: bold; margin: 0 0 4mm; }
.draft { border: 2px solid #900; color: #900; padding: 2mm; text-align: center; font-weight: bold; }
.digest { font-family: "Courier New", "Liberation Mono", monospace; font-size: 8pt; word-break: break-all; }
table { border-collapse: collapse; width: 100%; }
table.facts td { vertical-align: top; padding: 1mm 2mm 1mm 0; }
table.facts td.label { width: 45%; font-weight: bold; }
table.items { font-size: 9pt; margin: 3mm 0; }
table.items th, table.items td { border: 1px solid #000; padding: 1mm 1.5mm; vertical-align: top; text-align: left; }
table.items th { background: #eee; }
table.items thead { display: table-header-group; }
table.items tr { break-inside: avoid; page-break-inside: avoid; }
.note { color: #900; font-style: italic; }
.signatures { margin-top: 6mm; }
.sig { display: flex; align-items: flex-end; gap: 4mm; margin: 8mm 0 0; break-inside: avoid; page-break-inside: avoid; }
.sig .who { flex: 0 0 55mm; }
.sig .line { flex: 0 0 28mm; border-bottom: 1px solid #000; height: 6mm; }
.sig .name { flex: 0 0 55mm; }
.sig .when { flex: 1; font-size: 9pt; }
footer { margin-top: 8mm; border-top: 1px solid #000; padding-top: 1mm; }
@media print {
  body { margin: 0; max-width: none; }
  footer { position: fixed; bottom: -15mm; left: 0; right: 0; }
}
</style>
</head>
<body>
<p class="conf">{{.Confidential}}</p>
<div class="approve">
<p><strong>{{.ApproveHead}}</strong></p>
<p>{{.ApprovePosition}}</p>
<p>____________ {{.ApproveName}}</p>
<p>{{.ApproveDate}}</p>
</div>
<h1>{{.Title}}</h1>
<p class="subtitle">{{.Subtitle}}</p>
{{if .Draft}}<p class="draft">{{.Draft}}</p>
{{end}}<p class="digest">{{.DigestLine}}</p>
<table class="facts">
{{range .Facts}}<tr><td class="label">{{.Label}}</td><td>{{.Value}}</td></tr>
{{end}}</table>
<h2 style="font-size:12pt">Состав комиссии (Положение пп. 9.2, 9.13)</h2>
<table class="facts">
{{range .Commission}}<tr><td class="label">{{.Role}}</td><td>{{.Position}} {{.Name}}</td></tr>
{{end}}</table>
<p>{{.Intro}}</p>
<table class="items">
<thead><tr>{{range .Columns}}<th>{{.}}</th>{{end}}</tr></thead>
<tbody>
{{range .Rows}}<tr><td>{{.N}}</td><td>{{.Medium}}</td><td>{{.Subjects}}</td><td>{{.Categories}}</td><td>{{.Ground}}</td><td>{{.Method}}</td><td>{{.Checked}}{{if .Note}}<br><span class="note">{{.Note}}</span>{{end}}</td></tr>
{{else}}<tr><td colspan="7">носители не включены</td></tr>
{{end}}</tbody>
</table>
<h2 style="font-size:12pt">Итого</h2>
<table class="facts">
{{range .Summary}}<tr><td class="label">{{.Label}}</td><td>{{.Value}}</td></tr>
{{end}}</table>
{{range .Statements}}<p>{{.}}</p>
{{end}}<div class="signatures">
<p><strong>{{.SignTitle}}</strong></p>
{{range .Signers}}<div class="sig"><div class="who">{{.Role}}<br>{{.Position}}</div><div class="line"></div><div class="name">{{.Name}}</div><div class="when">{{if .Signed}}{{.Signed}}{{else}}«___» __________ 20___ г.{{end}}</div></div>
{{end}}</div>
<footer><p class="digest">{{.Title}} — {{.DigestLine}}</p></footer>
</body>
</html>
`

// actHTML is parsed once; a template that does not parse is a defect of
// this package, caught by every test.
var actHTML = template.Must(template.New("act").Parse(htmlTemplate))

// RenderHTML writes the act as a self-contained HTML page in Russian
// (html/template, so every value is escaped), with an A4 print stylesheet,
// a signature block per member and the SHA-256 digest at the top and in a
// footer repeated on every printed page. The same act always gives the
// same page.
func (a *Act) RenderHTML(w io.Writer) error {
	if err := a.renderable(w); err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := actHTML.Execute(bw, a.buildView()); err != nil {
		return err
	}
	return bw.Flush()
}
