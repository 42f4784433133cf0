package destruction_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/pdnkit/pdnkit/destruction"
	"github.com/pdnkit/pdnkit/pdata"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readCSV parses an extract written by WriteCSV (after its byte order
// mark), and returns the raw text too.
func readCSV(t *testing.T, e *destruction.Extract) ([][]string, string) {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, e.WriteCSV(&b))
	raw := bytes.TrimPrefix(b.Bytes(), []byte("\xEF\xBB\xBF"))
	r := csv.NewReader(bytes.NewReader(raw))
	r.Comma = ';'
	rows, err := r.ReadAll()
	require.NoError(t, err)
	return rows, string(raw)
}

// A text cell that a spreadsheet would evaluate as a formula (CSV
// injection, OWASP: leading =, +, -, @, tab, carriage return) is written
// with a leading single quote in every text column of the CSV; the JSON
// keeps the text as it is. With CRLF line ends encoding/csv drops a bare
// carriage return from a field, so "\r=1+1" would reach the spreadsheet as
// "=1+1": the quote must come before it.
func TestExtractCSVNeutralisesFormulas(t *testing.T) {
	// written is what reaches the file: no bare carriage return.
	written := func(s string) string { return strings.ReplaceAll(s, "\r", "") }
	for _, lead := range []string{"=", "+", "-", "@", "\t", "\r", "\r="} {
		t.Run(lead, func(t *testing.T) {
			text := lead + `HYPERLINK("http://evil.example","x")`
			e := &destruction.Extract{Lines: []destruction.ExtractLine{{
				RecordID: lead + "1+1", Subjects: []string{text, "Иванова Мария Петровна"}, Categories: []string{text},
				System: lead + "SUM(1)", Records: 3, Ground: text,
			}}}
			rows, raw := readCSV(t, e)
			require.Len(t, rows, 2)
			row := rows[1]
			assert.Equal(t, written("'"+lead+"1+1"), row[1], "record ID")
			assert.Equal(t, written("'"+text+"; Иванова Мария Петровна"), row[2], "subjects")
			assert.Equal(t, written("'"+text), row[3], "categories")
			assert.Equal(t, written("'"+lead+"SUM(1)"), row[4], "system")
			assert.Equal(t, "3", row[5], "count stays a number")
			assert.Equal(t, written("'"+text), row[6], "ground")
			for _, cell := range []string{lead + "1+1", lead + "SUM(1)", text} {
				for _, opening := range []string{";", ";\""} {
					assert.NotContains(t, raw, opening+written(cell), "a cell starts with %q", written(cell))
				}
			}

			var j bytes.Buffer
			require.NoError(t, e.WriteJSON(&j))
			var back destruction.Extract
			require.NoError(t, json.Unmarshal(j.Bytes(), &back))
			assert.Equal(t, lead+"1+1", back.Lines[0].RecordID, "JSON keeps the value")
			assert.Equal(t, text, back.Lines[0].Subjects[0])
			assert.Equal(t, lead+"SUM(1)", back.Lines[0].System)
			assert.Equal(t, lead+"1+1", e.Lines[0].RecordID, "the extract itself is not changed")
		})
	}
}

// The same through a whole act: items whose record ID, subject and system
// start like formulas pass validation (they are not wrong as data) and
// reach the CSV neutralised.
func TestExtractCSVFromActNeutralisesFormulas(t *testing.T) {
	sel, err := destruction.NewSelectionAct(selHeader(), pdata.SampleOperator(), sampleCommission())
	require.NoError(t, err)
	it := withdrawnItem()
	it.RecordID = "=1+1"
	it.Subjects = []destruction.Subject{{Name: `=HYPERLINK("http://evil.example","x")`}}
	it.Medium = destruction.DBRecords("@SUM(1)", 2)
	it.Method = 0
	require.NoError(t, sel.Add(it))
	require.NoError(t, sel.CheckAll(at(20, 10, 0)))
	require.NoError(t, sel.SealMedia(chair, at(20, 10, 30)))
	for i, m := range sampleCommission().All() {
		require.NoError(t, sel.Sign(m, at(20, 11, i)))
	}
	require.NoError(t, sel.Approve(head, at(21, 9, 0)))
	d := destroyedAct(t, sel)
	for i, m := range sampleCommission().All() {
		require.NoError(t, d.Sign(m, at(24, 11, i)))
	}
	e, err := d.Extract()
	require.NoError(t, err)
	rows, _ := readCSV(t, e)
	require.Len(t, rows, 2)
	assert.Equal(t, "'=1+1", rows[1][1])
	assert.Equal(t, `'=HYPERLINK("http://evil.example","x")`, rows[1][2])
	assert.Equal(t, "'@SUM(1)", rows[1][4])
	assert.Equal(t, "=1+1", e.Lines[0].RecordID)
}

// Ordinary text, including text with =, +, - or @ inside rather than at
// the start, is written unchanged.
func TestExtractCSVLeavesOrdinaryText(t *testing.T) {
	e := &destruction.Extract{Lines: []destruction.ExtractLine{{
		RecordID: "res-2019-0042", Subjects: []string{"Иванова М. П. (a+b=c, user@example.org)"},
		Categories: []string{"фамилия, имя, отчество"}, System: "Жилищный учёт", Records: 1, Ground: "истечение срока хранения",
	}}}
	rows, _ := readCSV(t, e)
	assert.Equal(t, []string{"res-2019-0042", "Иванова М. П. (a+b=c, user@example.org)", "фамилия, имя, отчество", "Жилищный учёт"},
		rows[1][1:5])
}
