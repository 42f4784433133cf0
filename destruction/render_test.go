package destruction_test

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"flag"
	"html"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/pdnkit/pdnkit/destruction"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -run TestGolden -update to create %s", path)
	if !bytes.Equal(want, got) {
		t.Errorf("%s differs from the golden file (%d bytes, want %d); if the change is intended, run go test -run TestGolden -update", path, len(got), len(want))
	}
}

type renderer struct {
	ext    string
	render func(*destruction.Act, io.Writer) error
}

var renderers = []renderer{
	{"txt", (*destruction.Act).RenderText},
	{"html", (*destruction.Act).RenderHTML},
	{"docx", (*destruction.Act).RenderDOCX},
	{"json", (*destruction.Act).WriteJSON},
}

func render(t testing.TB, a *destruction.Act, r renderer) []byte {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, r.render(a, &b))
	return b.Bytes()
}

// The same act renders to the same bytes every time, in every format,
// and matches the golden files.
func TestGolden(t *testing.T) {
	sel, d := approvedDestruction(t)
	acts := map[string]*destruction.Act{"selection": sel, "act": d, "draft": draftSelection(t)}
	for name, a := range acts {
		for _, r := range renderers {
			first := render(t, a, r)
			assert.Equal(t, first, render(t, a, r), "%s.%s renders identically twice", name, r.ext)
			golden(t, name+"."+r.ext, first)
		}
	}
	e, err := d.Extract()
	require.NoError(t, err)
	var c, j bytes.Buffer
	require.NoError(t, e.WriteCSV(&c))
	require.NoError(t, e.WriteJSON(&j))
	golden(t, "extract.csv", c.Bytes())
	golden(t, "extract.json", j.Bytes())
}

// Rebuilding the same act from scratch (new values, new maps) gives the
// same digest and the same DOCX bytes: nothing depends on map order,
// pointers or the clock.
func TestRenderingIsDeterministicAcrossBuilds(t *testing.T) {
	_, d1 := approvedDestruction(t)
	_, d2 := approvedDestruction(t)
	assert.Equal(t, d1.Digest(), d2.Digest())
	assert.Equal(t, render(t, d1, renderers[2]), render(t, d2, renderers[2]))
}

// docxParts opens a DOCX and returns its parts by name.
func docxParts(t testing.TB, data []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err, "a DOCX is a zip archive")
	parts := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		require.NoError(t, err)
		b, err := io.ReadAll(rc)
		require.NoError(t, err)
		require.NoError(t, rc.Close())
		parts[f.Name] = b
	}
	return parts
}

// docxText returns the text of word/document.xml: the runs of each
// paragraph joined, one paragraph per line.
func docxText(t testing.TB, a *destruction.Act) string {
	t.Helper()
	parts := docxParts(t, render(t, a, renderers[2]))
	dec := xml.NewDecoder(bytes.NewReader(parts["word/document.xml"]))
	var b strings.Builder
	inText := false
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		require.NoError(t, err)
		switch el := tok.(type) {
		case xml.StartElement:
			inText = el.Name.Local == "t"
		case xml.EndElement:
			inText = false
			if el.Name.Local == "p" {
				b.WriteByte('\n')
			}
		case xml.CharData:
			if inText {
				b.Write(el)
			}
		}
	}
	return b.String()
}

var (
	cellBreak = regexp.MustCompile(`</td>\s*<td[^>]*>`)
	anyTag    = regexp.MustCompile(`<[^>]*>`)
)

// htmlText turns the rendered page into text: a cell boundary becomes
// ": " (so that «label: value» reads as in the other formats), tags go,
// entities are decoded.
func htmlText(page string) string {
	return html.UnescapeString(anyTag.ReplaceAllString(cellBreak.ReplaceAllString(page, ": "), ""))
}

// The DOCX is well-formed Office Open XML: a zip whose every XML part
// parses; content types for the main document, styles, settings, footer
// and properties; the package relationship to word/document.xml; the
// document's relationships to parts that exist; a table for the items; and
// every mandatory field's text (policy 9.13, RKN order 179 п. 3).
func TestDOCXIsWellFormedOfficeOpenXML(t *testing.T) {
	_, d := approvedDestruction(t)
	data := render(t, d, renderers[2])
	parts := docxParts(t, data)

	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	assert.Equal(t, "[Content_Types].xml", zr.File[0].Name, "content types come first")
	for _, f := range zr.File {
		assert.Equal(t, zip.Deflate, f.Method, f.Name)
		assert.Equal(t, 1980, f.Modified.Year(), "%s has the fixed timestamp", f.Name)
	}

	for name, b := range parts {
		dec := xml.NewDecoder(bytes.NewReader(b))
		for {
			_, err := dec.Token()
			if errors.Is(err, io.EOF) {
				break
			}
			require.NoError(t, err, "%s is well-formed XML", name)
		}
	}

	var types struct {
		Defaults []struct {
			Extension   string `xml:"Extension,attr"`
			ContentType string `xml:"ContentType,attr"`
		} `xml:"Default"`
		Overrides []struct {
			PartName    string `xml:"PartName,attr"`
			ContentType string `xml:"ContentType,attr"`
		} `xml:"Override"`
	}
	require.NoError(t, xml.Unmarshal(parts["[Content_Types].xml"], &types))
	overrides := map[string]string{}
	for _, o := range types.Overrides {
		overrides[o.PartName] = o.ContentType
		_, ok := parts[strings.TrimPrefix(o.PartName, "/")]
		assert.True(t, ok, "content type declared for a part that exists: %s", o.PartName)
	}
	assert.Equal(t, "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", overrides["/word/document.xml"])
	assert.Equal(t, "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml", overrides["/word/styles.xml"])
	defaults := map[string]string{}
	for _, d := range types.Defaults {
		defaults[d.Extension] = d.ContentType
	}
	assert.Equal(t, "application/vnd.openxmlformats-package.relationships+xml", defaults["rels"])

	type rels struct {
		Rel []struct {
			ID     string `xml:"Id,attr"`
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	var pkg rels
	require.NoError(t, xml.Unmarshal(parts["_rels/.rels"], &pkg))
	main := ""
	for _, r := range pkg.Rel {
		if r.Type == "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" {
			main = r.Target
		}
		_, ok := parts[r.Target]
		assert.True(t, ok, "package relationship target exists: %s", r.Target)
	}
	assert.Equal(t, "word/document.xml", main)
	var doc rels
	require.NoError(t, xml.Unmarshal(parts["word/_rels/document.xml.rels"], &doc))
	ids := map[string]bool{}
	for _, r := range doc.Rel {
		ids[r.ID] = true
		_, ok := parts["word/"+r.Target]
		assert.True(t, ok, "document relationship target exists: %s", r.Target)
	}
	// Every r:id the document uses is declared.
	for _, m := range regexp.MustCompile(`r:id="([^"]+)"`).FindAllStringSubmatch(string(parts["word/document.xml"]), -1) {
		assert.True(t, ids[m[1]], "relationship %s is declared", m[1])
	}

	var body struct {
		XMLName xml.Name
		Body    struct {
			Tables []struct {
				Rows []struct{} `xml:"tr"`
			} `xml:"tbl"`
			SectPr struct {
				PgSz struct {
					W string `xml:"w,attr"`
					H string `xml:"h,attr"`
				} `xml:"pgSz"`
			} `xml:"sectPr"`
		} `xml:"body"`
	}
	require.NoError(t, xml.Unmarshal(parts["word/document.xml"], &body))
	assert.Equal(t, "document", body.XMLName.Local)
	require.Len(t, body.Body.Tables, 2, "the item table and the signature table")
	assert.Len(t, body.Body.Tables[0].Rows, 1+4, "a header row and one row per item")
	assert.Len(t, body.Body.Tables[1].Rows, 3, "a signature row per member")
	assert.Equal(t, "11906", body.Body.SectPr.PgSz.W, "A4 width")
	assert.Equal(t, "16838", body.Body.SectPr.PgSz.H, "A4 height")
	assert.Contains(t, string(parts["word/footer1.xml"]), d.Digest(), "the digest is on every page")

	txt := docxText(t, d)
	for _, want := range []string{
		"АКТ № 1-У", "об уничтожении персональных данных", "Конфиденциально", "УТВЕРЖДАЮ",
		"Оператор (п. 3 «а»)", "Адрес оператора (п. 3 «а»)", "Лицо, осуществлявшее обработку ПДн по поручению оператора (п. 3 «б»)",
		"Субъекты ПДн (п. 3 «в»)", "Подписи членов комиссии — лиц, уничтоживших персональные данные", "Категории ПДн (п. 3 «д»)",
		"Вид и количество носителей (п. 3 «е»; Положение п. 9.13)", "Информационные системы ПДн (п. 3 «ж»)",
		"Способ уничтожения (п. 3 «з»; Положение п. 9.11)", "Основание (причина) уничтожения (п. 3 «и»; Положение п. 9.4)",
		"Дата уничтожения (п. 3 «к»): 24.01.2025", "Время уничтожения (Положение п. 9.13): 10:30", "Место уничтожения (Положение п. 9.13)",
		"Контрольная сумма содержания акта (SHA-256): " + d.Digest(),
	} {
		assert.Contains(t, txt, want)
	}
}

// Text that looks like markup is escaped in HTML and DOCX, and characters
// XML forbids do not break the document.
func TestRenderingEscapesInput(t *testing.T) {
	a := draftSelection(t)
	it := withdrawnItem()
	it.RecordID = "evil"
	it.Subjects = []destruction.Subject{{Name: `<script>alert("x")</script> & Ко`, Info: "кв. 1\x00\x07"}}
	require.NoError(t, a.Add(it))

	page := string(render(t, a, renderers[1]))
	assert.NotContains(t, page, "<script>")
	assert.Contains(t, page, "&lt;script&gt;")

	parts := docxParts(t, render(t, a, renderers[2]))
	dec := xml.NewDecoder(bytes.NewReader(parts["word/document.xml"]))
	for {
		_, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		require.NoError(t, err, "document.xml stays well-formed")
	}
	txt := docxText(t, a)
	assert.Contains(t, txt, `<script>alert("x")</script> & Ко`)
	assert.Contains(t, txt, "кв. 1\uFFFD\uFFFD")
}

// The CSV opens in Excel and LibreOffice: a UTF-8 byte order mark,
// semicolons, CRLF, a header row naming the items of 179 п. 5, one row per
// destroyed record.
func TestExtractCSV(t *testing.T) {
	_, d := approvedDestruction(t)
	e, err := d.Extract()
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, e.WriteCSV(&b))
	raw := b.Bytes()
	require.True(t, bytes.HasPrefix(raw, []byte("\xEF\xBB\xBF")), "UTF-8 BOM")
	assert.Contains(t, string(raw), "\r\n")

	r := csv.NewReader(bytes.NewReader(raw[3:]))
	r.Comma = ';'
	rows, err := r.ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, 3)
	for _, letter := range []string{"«а»", "«б»", "«в»", "«г»", "«д»"} {
		assert.Contains(t, strings.Join(rows[0], "|"), "п. 5 "+letter)
	}
	assert.Equal(t, []string{"1", "res-2019-0042", "Иванова Мария Петровна (собственник кв. 12, ул. Мира, д. 5)",
		strings.Join(e.Lines[0].Categories, "; "), "Жилищный учёт", "12",
		"истечение срока хранения; 402-ФЗ ст. 29 ч. 1; 152-ФЗ ст. 5 ч. 7; Положение п. 3.6.2, 9.3, 9.1", "24.01.2025"}, rows[1])
	assert.True(t, strings.HasPrefix(rows[1][3], "фамилия, имя, отчество; адрес регистрации по месту жительства; "))
	assert.Equal(t, "site-2023-logs", rows[2][1])

	var j bytes.Buffer
	require.NoError(t, e.WriteJSON(&j))
	var back destruction.Extract
	require.NoError(t, json.Unmarshal(j.Bytes(), &back))
	assert.Equal(t, *e, back)
}

// When LibreOffice is installed, it converts the DOCX to PDF. Without it
// the test is skipped — except in CI (CI=true), where .ci/run installs it
// and its absence is a failure.
func TestDOCXOpensInLibreOffice(t *testing.T) {
	bin := ""
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			bin = p
			break
		}
	}
	if bin == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("CI=true but neither soffice nor libreoffice is on PATH; .ci/run should install LibreOffice")
		}
		t.Skip("LibreOffice (soffice) is not on PATH: skipping the DOCX → PDF conversion check")
	}
	if testing.Short() {
		t.Skip("-short: skipping the LibreOffice conversion")
	}
	dir := t.TempDir()
	sel, d := approvedDestruction(t)
	for name, a := range map[string]*destruction.Act{"act": d, "selection": sel} {
		in := filepath.Join(dir, name+".docx")
		require.NoError(t, os.WriteFile(in, render(t, a, renderers[2]), 0o644))
		cmd := exec.Command(bin, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir, in)
		cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "soffice: %s", out)
		pdf, err := os.ReadFile(filepath.Join(dir, name+".pdf"))
		require.NoError(t, err, "soffice wrote no PDF: %s", out)
		require.NotEmpty(t, pdf)
		assert.True(t, bytes.HasPrefix(pdf, []byte("%PDF-")), "the output is a PDF")
	}
}
