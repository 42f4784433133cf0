package destruction

import (
	"archive/zip"
	"bufio"
	"compress/flate"
	"io"
	"strconv"
	"time"
	"unicode/utf8"
)

// The DOCX is Office Open XML (ECMA-376) written with the standard library:
// a zip of XML parts. It opens in Microsoft Word and LibreOffice Writer.

// docxEpoch is the modification time of every zip entry, so that the same
// act always gives the same bytes.
var docxEpoch = time.Date(1980, time.January, 1, 0, 0, 0, 0, time.UTC)

const (
	nsW   = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	xmlPI = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

	// A4 portrait in twentieths of a point, with margins of 25 mm left,
	// 10 mm right, 20 mm top and bottom (GOST R 7.0.97 office practice).
	pageW, pageH               = 11906, 16838
	marginL, marginR, marginTB = 1418, 567, 1134
	textWidth                  = pageW - marginL - marginR
	docxContentTypeMain        = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
	docxContentTypeStyles      = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"
	docxContentTypeSettings    = "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"
	docxContentTypeFooter      = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
	docxContentTypeCore        = "application/vnd.openxmlformats-package.core-properties+xml"
	docxContentTypeApp         = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
	relTypeOfficeDocument      = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
	relTypeCore                = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
	relTypeApp                 = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
	relTypeStyles              = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
	relTypeSettings            = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings"
	relTypeFooter              = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"
	docxMIME                   = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	itemColumnsTotal           = textWidth
)

// DOCXContentType is the MIME type of the documents RenderDOCX writes.
const DOCXContentType = docxMIME

// itemColumnWidths are the widths of the item table's columns, in twips;
// they add up to the text width.
var itemColumnWidths = [7]int{397, 1900, 1500, 2024, 1700, 1250, itemColumnsTotal - 397 - 1900 - 1500 - 2024 - 1700 - 1250}

const contentTypesXML = xmlPI + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="` + docxContentTypeMain + `"/>` +
	`<Override PartName="/word/styles.xml" ContentType="` + docxContentTypeStyles + `"/>` +
	`<Override PartName="/word/settings.xml" ContentType="` + docxContentTypeSettings + `"/>` +
	`<Override PartName="/word/footer1.xml" ContentType="` + docxContentTypeFooter + `"/>` +
	`<Override PartName="/docProps/core.xml" ContentType="` + docxContentTypeCore + `"/>` +
	`<Override PartName="/docProps/app.xml" ContentType="` + docxContentTypeApp + `"/>` +
	`</Types>`

const packageRelsXML = xmlPI + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="` + relTypeOfficeDocument + `" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="` + relTypeCore + `" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="` + relTypeApp + `" Target="docProps/app.xml"/>` +
	`</Relationships>`

const documentRelsXML = xmlPI + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="` + relTypeStyles + `" Target="styles.xml"/>` +
	`<Relationship Id="rId2" Type="` + relTypeSettings + `" Target="settings.xml"/>` +
	`<Relationship Id="rId3" Type="` + relTypeFooter + `" Target="footer1.xml"/>` +
	`</Relationships>`

const settingsXML = xmlPI + `<w:settings xmlns:w="` + nsW + `">` +
	`<w:defaultTabStop w:val="708"/><w:characterSpacingControl w:val="doNotCompress"/>` +
	`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
	`</w:settings>`

const appXML = xmlPI + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
	`<Application>pdnkit</Application></Properties>`

const border = `w:val="single" w:sz="4" w:space="0" w:color="000000"`

const stylesXML = xmlPI + `<w:styles xmlns:w="` + nsW + `">` +
	`<w:docDefaults><w:rPrDefault><w:rPr>` +
	`<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>` +
	`<w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="ru-RU" w:eastAsia="ru-RU" w:bidi="ar-SA"/>` +
	`</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
	`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>` +
	`<w:pPr><w:spacing w:after="80"/><w:jc w:val="both"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
	`<w:pPr><w:keepNext/><w:spacing w:before="240" w:after="0"/><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
	`<w:pPr><w:keepNext/><w:spacing w:after="200"/><w:jc w:val="center"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
	`<w:pPr><w:keepNext/><w:spacing w:before="200" w:after="80"/><w:jc w:val="left"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:customStyle="1" w:styleId="Approve"><w:name w:val="Approve"/><w:basedOn w:val="Normal"/>` +
	`<w:pPr><w:spacing w:after="0"/><w:ind w:left="5670"/><w:jc w:val="left"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:customStyle="1" w:styleId="Confidential"><w:name w:val="Confidential"/><w:basedOn w:val="Normal"/>` +
	`<w:pPr><w:jc w:val="right"/></w:pPr><w:rPr><w:i/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:customStyle="1" w:styleId="Draft"><w:name w:val="Draft"/><w:basedOn w:val="Normal"/>` +
	`<w:pPr><w:pBdr><w:top ` + border + `/><w:left ` + border + `/><w:bottom ` + border + `/><w:right ` + border + `/></w:pBdr><w:jc w:val="center"/></w:pPr>` +
	`<w:rPr><w:b/><w:color w:val="990000"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:customStyle="1" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/>` +
	`<w:pPr><w:spacing w:after="0"/><w:jc w:val="left"/></w:pPr><w:rPr><w:sz w:val="17"/><w:szCs w:val="17"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:customStyle="1" w:styleId="Digest"><w:name w:val="Digest"/><w:basedOn w:val="Normal"/>` +
	`<w:pPr><w:jc w:val="left"/></w:pPr><w:rPr><w:rFonts w:ascii="Courier New" w:hAnsi="Courier New" w:cs="Courier New"/><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/>` +
	`<w:pPr><w:spacing w:after="0"/><w:jc w:val="left"/></w:pPr><w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>` +
	`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/>` +
	`<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>` +
	`<w:bottom w:w="0" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
	`<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/>` +
	`<w:tblPr><w:tblBorders><w:top ` + border + `/><w:left ` + border + `/><w:bottom ` + border + `/><w:right ` + border + `/>` +
	`<w:insideH ` + border + `/><w:insideV ` + border + `/></w:tblBorders></w:tblPr></w:style>` +
	`</w:styles>`

// RenderDOCX writes the act as a Word document (Office Open XML) in
// Russian: A4 portrait, the approval block, the facts of policy 9.13 and
// RKN order 179 п. 3, the items as a table whose header repeats on every
// page, the summary and statements, a signature row per member, and the
// SHA-256 digest in the body and in the footer of every page. Entries carry
// a fixed time and are compressed deterministically, so the same act always
// gives the same bytes.
func (a *Act) RenderDOCX(w io.Writer) error {
	if err := a.renderable(w); err != nil {
		return err
	}
	v := a.buildView()
	zw := zip.NewWriter(w)
	// One compressor serves every part in turn (zip closes each before the
	// next is created), so its window is allocated once per document.
	var fw *flate.Writer
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		if fw == nil {
			var err error
			fw, err = flate.NewWriter(out, flate.BestSpeed)
			return fw, err
		}
		fw.Reset(out)
		return fw, nil
	})
	parts := []struct {
		name  string
		write func(*bufio.Writer)
	}{
		{"[Content_Types].xml", func(b *bufio.Writer) { b.WriteString(contentTypesXML) }},
		{"_rels/.rels", func(b *bufio.Writer) { b.WriteString(packageRelsXML) }},
		{"docProps/core.xml", func(b *bufio.Writer) { writeCoreXML(b, v, a.c.Date.FormatISO(4)) }},
		{"docProps/app.xml", func(b *bufio.Writer) { b.WriteString(appXML) }},
		{"word/_rels/document.xml.rels", func(b *bufio.Writer) { b.WriteString(documentRelsXML) }},
		{"word/styles.xml", func(b *bufio.Writer) { b.WriteString(stylesXML) }},
		{"word/settings.xml", func(b *bufio.Writer) { b.WriteString(settingsXML) }},
		{"word/footer1.xml", func(b *bufio.Writer) { writeFooterXML(b, v) }},
		{"word/document.xml", func(b *bufio.Writer) { writeDocumentXML(b, v) }},
	}
	bw := bufio.NewWriterSize(nil, 64<<10)
	for _, p := range parts {
		part, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: docxEpoch})
		if err != nil {
			return err
		}
		bw.Reset(part)
		p.write(bw)
		if err := bw.Flush(); err != nil {
			return err
		}
	}
	return zw.Close()
}

func writeCoreXML(b *bufio.Writer, v *view, isoDate string) {
	b.WriteString(xmlPI + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"` +
		` xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"` +
		` xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>`)
	escapeXML(b, v.Title+" "+v.Subtitle)
	b.WriteString(`</dc:title><dc:creator>pdnkit</dc:creator><dc:language>ru-RU</dc:language>` +
		`<dcterms:created xsi:type="dcterms:W3CDTF">` + isoDate + `T00:00:00Z</dcterms:created></cp:coreProperties>`)
}

func writeFooterXML(b *bufio.Writer, v *view) {
	b.WriteString(xmlPI + `<w:ftr xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>`)
	run(b, v.Title+" — "+v.DigestLine+" — стр. ", false, false)
	b.WriteString(`<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>`)
	run(b, " из ", false, false)
	b.WriteString(`<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:ftr>`)
}

func writeDocumentXML(b *bufio.Writer, v *view) {
	b.WriteString(xmlPI + `<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:body>`)
	para(b, "Confidential", v.Confidential)
	paraRuns(b, "Approve", func() { run(b, v.ApproveHead, true, false) })
	para(b, "Approve", v.ApprovePosition)
	para(b, "Approve", "____________ "+v.ApproveName)
	para(b, "Approve", v.ApproveDate)
	para(b, "Title", v.Title)
	para(b, "Subtitle", v.Subtitle)
	if v.Draft != "" {
		para(b, "Draft", v.Draft)
	}
	para(b, "Digest", v.DigestLine)
	for _, f := range v.Facts {
		labelled(b, f.Label, f.Value)
	}
	para(b, "Heading1", "Состав комиссии (Положение пп. 9.2, 9.13)")
	for _, m := range v.Commission {
		labelled(b, m.Role, m.Position+" "+m.Name)
	}
	para(b, "", v.Intro)

	// The item table: fixed layout, header row repeated on every page, rows
	// not split across pages.
	b.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="` + strconv.Itoa(textWidth) +
		`" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>`)
	for _, wd := range itemColumnWidths {
		b.WriteString(`<w:gridCol w:w="` + strconv.Itoa(wd) + `"/>`)
	}
	b.WriteString(`</w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>`)
	for i, h := range v.Columns {
		cell(b, itemColumnWidths[i], h, "", true)
	}
	b.WriteString(`</w:tr>`)
	for i := range v.Rows {
		r := &v.Rows[i]
		b.WriteString(`<w:tr><w:trPr><w:cantSplit/></w:trPr>`)
		cell(b, itemColumnWidths[0], r.N, "", false)
		cell(b, itemColumnWidths[1], r.Medium, "", false)
		cell(b, itemColumnWidths[2], r.Subjects, "", false)
		cell(b, itemColumnWidths[3], r.Categories, "", false)
		cell(b, itemColumnWidths[4], r.Ground, "", false)
		cell(b, itemColumnWidths[5], r.Method, "", false)
		cell(b, itemColumnWidths[6], r.Checked, r.Note, false)
		b.WriteString(`</w:tr>`)
	}
	if len(v.Rows) == 0 {
		b.WriteString(`<w:tr><w:tc><w:tcPr><w:tcW w:w="` + strconv.Itoa(textWidth) + `" w:type="dxa"/><w:gridSpan w:val="7"/></w:tcPr>`)
		para(b, "TableText", "носители не включены")
		b.WriteString(`</w:tc></w:tr>`)
	}
	b.WriteString(`</w:tbl>`)

	para(b, "Heading1", "Итого")
	for _, f := range v.Summary {
		labelled(b, f.Label, f.Value)
	}
	for _, s := range v.Statements {
		para(b, "", s)
	}

	// Signature blocks: one borderless row per member.
	para(b, "Heading1", v.SignTitle)
	sigWidths := [4]int{3000, 1600, 3000, textWidth - 3000 - 1600 - 3000} // the name is a full name (order 179 п. 3 «г»)
	b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="` + strconv.Itoa(textWidth) + `" w:type="dxa"/><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>`)
	for _, wd := range sigWidths {
		b.WriteString(`<w:gridCol w:w="` + strconv.Itoa(wd) + `"/>`)
	}
	b.WriteString(`</w:tblGrid>`)
	for _, s := range v.Signers {
		signed := s.Signed
		if signed == "" {
			signed = "«___» __________ 20___ г."
		}
		b.WriteString(`<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="700"/></w:trPr>`)
		cell(b, sigWidths[0], s.Role+", "+s.Position, "", false)
		cell(b, sigWidths[1], "______________", "", false)
		cell(b, sigWidths[2], s.Name, "", false)
		cell(b, sigWidths[3], signed, "", false)
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
	para(b, "Digest", v.DigestLine)

	b.WriteString(`<w:sectPr><w:footerReference w:type="default" r:id="rId3"/>` +
		`<w:pgSz w:w="` + strconv.Itoa(pageW) + `" w:h="` + strconv.Itoa(pageH) + `"/>` +
		`<w:pgMar w:top="` + strconv.Itoa(marginTB) + `" w:right="` + strconv.Itoa(marginR) + `" w:bottom="` + strconv.Itoa(marginTB) +
		`" w:left="` + strconv.Itoa(marginL) + `" w:header="709" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>`)
}

// para writes a paragraph of one run in the given style ("" for Normal).
func para(b *bufio.Writer, style, text string) {
	paraRuns(b, style, func() { run(b, text, false, false) })
}

func paraRuns(b *bufio.Writer, style string, runs func()) {
	b.WriteString(`<w:p>`)
	if style != "" {
		b.WriteString(`<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`)
	}
	runs()
	b.WriteString(`</w:p>`)
}

// labelled writes «Label: value» with the label in bold.
func labelled(b *bufio.Writer, label, value string) {
	b.WriteString(`<w:p><w:pPr><w:jc w:val="left"/></w:pPr>`)
	run(b, label+": ", true, false)
	run(b, value, false, false)
	b.WriteString(`</w:p>`)
}

// cell writes a table cell holding text and, if note is set, a second
// paragraph in italics.
func cell(b *bufio.Writer, width int, text, note string, bold bool) {
	b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="`)
	b.WriteString(strconv.Itoa(width))
	b.WriteString(`" w:type="dxa"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr>`)
	run(b, text, bold, false)
	b.WriteString(`</w:p>`)
	if note != "" {
		b.WriteString(`<w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr>`)
		run(b, note, false, true)
		b.WriteString(`</w:p>`)
	}
	b.WriteString(`</w:tc>`)
}

// run writes a text run; the text is escaped.
func run(b *bufio.Writer, text string, bold, italic bool) {
	b.WriteString(`<w:r>`)
	if bold || italic {
		b.WriteString(`<w:rPr>`)
		if bold {
			b.WriteString(`<w:b/>`)
		}
		if italic {
			b.WriteString(`<w:i/>`)
		}
		b.WriteString(`</w:rPr>`)
	}
	b.WriteString(`<w:t xml:space="preserve">`)
	escapeXML(b, text)
	b.WriteString(`</w:t></w:r>`)
}

// escapeXML writes s as XML character data: markup characters escaped,
// characters XML 1.0 does not allow (most control characters, invalid
// UTF-8) replaced with U+FFFD.
func escapeXML(b *bufio.Writer, s string) {
	last := 0
	for i := 0; i < len(s); {
		r, width := utf8.DecodeRuneInString(s[i:])
		var esc string
		switch {
		case r == '<':
			esc = "&lt;"
		case r == '>':
			esc = "&gt;"
		case r == '&':
			esc = "&amp;"
		case r == '"':
			esc = "&quot;"
		case r == '\'':
			esc = "&apos;"
		case r == '\t' || r == '\n' || r == '\r':
			esc = " "
		case r == utf8.RuneError && width == 1, !xmlChar(r):
			esc = "\uFFFD"
		default:
			i += width
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(esc)
		i += width
		last = i
	}
	b.WriteString(s[last:])
}

// xmlChar reports whether r may appear in an XML 1.0 document.
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		(r >= 0x20 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF)
}
