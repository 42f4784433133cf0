package destruction

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"
	"strings"

	"github.com/pdnkit/pdnkit/retention"
	"github.com/rickb777/date/v2"
)

// Extract is the extract from the event log (выгрузка из журнала
// регистрации событий) that must accompany the destruction act when data
// was processed with automation, alone or mixed with paper (RKN order 179
// п. 2, п. 5): one line per destroyed record of an information system,
// with the subjects (п. 5 «а»), the categories (п. 5 «б»), the system
// (п. 5 «в»), the ground (п. 5 «г») and the date (п. 5 «д»).
//
// Whatever a host's own log cannot show is in the act anyway (п. 6): the
// act's table prints the same five facts for every item, automated or
// not, so the act together with this extract always carries them all.
type Extract struct {
	// Act names the destruction act the extract belongs to, with its seal.
	Act ActRef `json:"act"`
	// Operator is the operator's name.
	Operator string `json:"operator"`
	// Lines holds one line per destroyed record.
	Lines []ExtractLine `json:"lines"`
}

// ExtractLine is one destroyed record in the extract.
type ExtractLine struct {
	// RecordID is the host's identifier of the record.
	RecordID string `json:"record_id"`
	// Subjects are the subjects' names or other identifying information.
	Subjects []string `json:"subjects"`
	// Categories are the Russian names of the destroyed categories.
	Categories []string `json:"categories"`
	// System is the information system the data was deleted from.
	System string `json:"system"`
	// Records is the number of files or database records deleted.
	Records int `json:"records"`
	// Ground is the reason for destruction, with its basis, in Russian.
	Ground string `json:"ground"`
	// Date is the date of destruction.
	Date date.Date `json:"date"`
}

// Extract builds the event-log extract of a sealed destruction act: a line
// for each item held in an information system (MediumFiles,
// MediumRecords). An act with paper and machine media only gives an extract
// with no lines (Required reports false): such processing needs the act
// alone (179 п. 2).
func (a *Act) Extract() (*Extract, error) {
	if a == nil {
		return nil, errNilAct()
	}
	if a.c.Kind != DestructionAct || a.c.Destruction == nil || a.digest == "" {
		return nil, a.stateErr("build the log extract", "the extract accompanies a destruction act that records the destruction and is signed",
			"выгрузка из журнала прилагается к подписанному акту об уничтожении (Приказ РКН № 179 п. 5)")
	}
	day := a.dateOf(a.c.Destruction.At)
	e := &Extract{Act: a.Ref(), Operator: a.c.Operator.Name, Lines: []ExtractLine{}}
	for _, en := range a.c.Items {
		it := en.Item
		if !it.Medium.Kind.Automated() {
			continue
		}
		subj := make([]string, len(it.Subjects))
		for i, s := range it.Subjects {
			subj[i] = s.Label()
		}
		cats := it.Categories.Slice()
		titles := make([]string, len(cats))
		for i, c := range cats {
			titles[i] = c.Title()
		}
		e.Lines = append(e.Lines, ExtractLine{
			RecordID: it.RecordID, Subjects: subj, Categories: titles, System: it.Medium.System,
			Records: it.Medium.Count, Ground: groundText(it), Date: day,
		})
	}
	return e, nil
}

// groundText prints an item's ground with its basis and reference.
func groundText(it Item) string {
	s := it.Ground.Title()
	if it.Reference != "" {
		s += " (" + it.Reference + ")"
	}
	if b := it.Basis.String(); b != "" {
		s += "; " + b
	}
	return s
}

// Required reports whether the extract has lines, that is whether the act
// destroyed data of an information system and so needs the extract (RKN
// order 179 п. 2, п. 5).
func (e *Extract) Required() bool { return e != nil && len(e.Lines) > 0 }

// errNilExtract is returned by the writers of a nil *Extract.
func errNilExtract() error {
	return nilArg("Extract", "the extract is nil: build it with Act.Extract",
		"выгрузка не сформирована (пустое значение): она формируется методом Act.Extract")
}

// csvHeader is the extract's header row, naming each column with its item
// of RKN order 179 п. 5.
var csvHeader = []string{
	"№ п/п", "Идентификатор записи", "Субъект ПДн (ФИО или иные сведения) — п. 5 «а»",
	"Категории уничтоженных ПДн — п. 5 «б»", "Информационная система — п. 5 «в»",
	"Количество записей", "Причина уничтожения — п. 5 «г»", "Дата уничтожения — п. 5 «д»",
}

// WriteCSV writes the extract as CSV for spreadsheets: UTF-8 with a byte
// order mark (so that Excel reads the Cyrillic text as UTF-8), fields
// separated by semicolons (the list separator of Russian-locale Excel;
// LibreOffice asks or detects it), CRLF line ends, a header row, and within
// a field several subjects or categories joined by "; ".
//
// A text cell that starts with "=", "+", "-", "@", a tab or a carriage
// return would be read by a spreadsheet as a formula (CSV injection): such a
// cell is written with a leading single quote ("'=1+1"), which Excel and
// LibreOffice show as text. Only the CSV is changed so: the Extract value and
// WriteJSON keep the text as it is.
func (e *Extract) WriteCSV(w io.Writer) error {
	if e == nil {
		return errNilExtract()
	}
	if w == nil {
		return errNilWriter()
	}
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.Comma = ';'
	cw.UseCRLF = true
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	for i, l := range e.Lines {
		row := []string{
			strconv.Itoa(i + 1), csvText(l.RecordID), csvText(strings.Join(l.Subjects, "; ")), csvText(strings.Join(l.Categories, "; ")),
			csvText(l.System), strconv.Itoa(l.Records), csvText(l.Ground), formatDate(l.Date),
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// csvText neutralises a text cell a spreadsheet would evaluate as a formula
// (OWASP, "CSV Injection"): one starting with =, +, -, @, a tab or a
// carriage return gets a leading single quote.
func csvText(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// WriteJSON writes the extract as indented JSON.
func (e *Extract) WriteJSON(w io.Writer) error {
	if e == nil {
		return errNilExtract()
	}
	if w == nil {
		return errNilWriter()
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(e)
}

// RetentionRecords returns the records the operator must keep for this
// destruction act, each of kind retention.DestructionRecord and closed on
// the date of destruction, so that the retention sweep keeps them 3 years
// from it (RKN order 179 п. 8; policy 9.14): the act itself
// ("destruction-act:ID"), its selection act ("selection-act:ID"), and the
// event-log extract ("destruction-extract:ID") when the act destroyed data
// of an information system. Only a destruction act that records the
// destruction has them.
func (a *Act) RetentionRecords() ([]retention.Record, error) {
	if a == nil {
		return nil, errNilAct()
	}
	if a.c.Kind != DestructionAct || a.c.Destruction == nil {
		return nil, a.stateErr("list retention records", "only a destruction act that records the destruction starts the 3-year term",
			"срок хранения (3 года) исчисляется с даты уничтожения, отражённой в акте об уничтожении (Приказ РКН № 179 п. 8)")
	}
	day := a.dateOf(a.c.Destruction.At)
	rec := func(id string) retention.Record {
		return retention.Record{ID: id, Kind: retention.DestructionRecord, Closed: day}
	}
	out := []retention.Record{rec("destruction-act:" + a.c.ID)}
	if a.c.Selection != nil {
		out = append(out, rec("selection-act:"+a.c.Selection.ID))
	}
	for _, e := range a.c.Items {
		if e.Item.Medium.Kind.Automated() {
			out = append(out, rec("destruction-extract:"+a.c.ID))
			break
		}
	}
	return out, nil
}

// keepingNote is printed on every act (RKN order 179 п. 8; policy 9.14).
func keepingNote() string {
	return "Акт является документом конфиденциального характера и хранится в документации Оператора " +
		"в течение 3 лет с даты уничтожения персональных данных вместе с выгрузкой из журнала регистрации событий (" +
		basisKeeping.String() + ")."
}
