package destruction

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/pdnkit/pdnkit/pdata"
)

// The renderers (RenderText, RenderHTML, RenderDOCX) print the same view of
// an act, built here once: every string the document shows, in Russian.

// fact is a labelled line of the act.
type fact struct{ Label, Value string }

// row is one item of the act's table.
type row struct {
	N, Medium, Subjects, Categories, Ground, Method, Checked, Note string
}

// signer is one signature block.
type signer struct{ Role, Position, Name, Signed string }

type view struct {
	Confidential string
	Title        string // «АКТ № 7-У»
	Subtitle     string // «об уничтожении персональных данных»
	Draft        string // non-empty for an unsealed act
	DigestLine   string
	Digest       string

	ApproveHead     string // «УТВЕРЖДАЮ»
	ApprovePosition string
	ApproveName     string
	ApproveDate     string

	Facts      []fact
	Commission []signer // the commission as listed at the top (no Signed)
	Intro      string
	Columns    []string
	Rows       []row
	Summary    []fact
	Statements []string
	SignTitle  string
	Signers    []signer
}

// renderable refuses a nil act or a nil writer (errors wrapping
// ErrInvalid) before a renderer starts.
func (a *Act) renderable(w io.Writer) error {
	if a == nil {
		return errNilAct()
	}
	if w == nil {
		return errNilWriter()
	}
	return nil
}

// tableColumns are the headings of the item table.
func tableColumns() []string {
	return []string{
		"№ п/п",
		"Носитель: вид, наименование, листов, серийный №, ИС (п. 3 «е», «ж»)",
		"Субъекты ПДн (п. 3 «в»)",
		"Категории ПДн (п. 3 «д»)",
		"Основание уничтожения (п. 3 «и»)",
		"Способ уничтожения (п. 3 «з»)",
		"Наличие проверено (п. 9.7 Положения)",
	}
}

func (a *Act) moment(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(a.loc).Format("02.01.2006 15:04")
}

func (a *Act) zoneNote(t time.Time) string {
	return "время местное, UTC" + t.In(a.loc).Format("-07:00")
}

// buildView prepares every string of the printed act.
func (a *Act) buildView() *view {
	c := &a.c
	v := &view{
		Confidential: "Конфиденциально",
		Title:        "АКТ № " + c.Number,
		Subtitle:     c.Kind.Title(),
		Digest:       a.Digest(),
		ApproveHead:  "УТВЕРЖДАЮ",
		Columns:      tableColumns(),
	}
	if a.digest == "" {
		v.Draft = "ПРОЕКТ: акт не подписан и не опечатан, его содержание может меняться"
		v.DigestLine = "Контрольная сумма текущего содержания проекта (SHA-256): " + v.Digest
	} else {
		v.DigestLine = "Контрольная сумма содержания акта (SHA-256): " + v.Digest
	}
	head := c.Operator.Head
	v.ApprovePosition = head.Position
	v.ApproveName = head.ShortName()
	v.ApproveDate = "«___» ______________ 20___ г."
	if a.approval != nil {
		v.ApproveDate = "утверждено " + a.moment(a.approval.At)
	}

	// Header facts: 9.13 date, place, time; 179 п. 3 «а», «б».
	v.Facts = append(v.Facts,
		fact{"Акт составлен по", "разделу 9 Положения об обработке и защите персональных данных и Требованиям к подтверждению " +
			"уничтожения персональных данных (Приказ РКН от 28.10.2022 № 179; ссылки «п. 3 …» в акте — на пункты этих Требований)"},
		fact{"Дата составления акта", formatDate(c.Date)},
		fact{"Место составления акта", c.Place},
	)
	if d := c.Destruction; d != nil {
		v.Facts = append(v.Facts,
			fact{"Дата уничтожения (п. 3 «к»; Положение п. 9.13)", formatDate(a.dateOf(d.At))},
			fact{"Время уничтожения (Положение п. 9.13)", d.At.In(a.loc).Format("15:04") + " (" + a.zoneNote(d.At) + ")"},
			fact{"Место уничтожения (Положение п. 9.13)", d.Place},
		)
	}
	op := c.Operator
	ids := []string{}
	if !op.INN.IsZero() {
		ids = append(ids, "ИНН "+op.INN.Digits())
	}
	if !op.OGRN.IsZero() {
		ids = append(ids, "ОГРН "+op.OGRN.Digits())
	}
	opName := op.Name
	if len(ids) > 0 {
		opName += " (" + strings.Join(ids, ", ") + ")"
	}
	v.Facts = append(v.Facts,
		fact{"Оператор (п. 3 «а»)", opName},
		fact{"Адрес оператора (п. 3 «а»)", op.Address},
	)
	if len(c.Processors) == 0 {
		v.Facts = append(v.Facts, fact{"Лицо, осуществлявшее обработку ПДн по поручению оператора (п. 3 «б»)", "не привлекалось"})
	} else {
		ps := make([]string, len(c.Processors))
		for i, p := range c.Processors {
			ps[i] = p.Name + ", адрес: " + p.Address
		}
		v.Facts = append(v.Facts, fact{"Лицо, осуществлявшее обработку ПДн по поручению оператора (п. 3 «б»)", strings.Join(ps, "; ")})
	}
	v.Facts = append(v.Facts, fact{"Комиссия по уничтожению ПДн (Положение п. 9.2)", "назначена " + c.Commission.Order.instrumental()})
	if s := c.Selection; s != nil {
		val := fmt.Sprintf("акт № %s от %s об отборе носителей, утверждён %s; SHA-256 %s", s.Number, formatDate(s.Date), a.moment(s.Approved), s.Digest)
		v.Facts = append(v.Facts, fact{"Носители отобраны по акту (Положение пп. 9.4–9.8)", val})
	}
	if r := c.Replaces; r != nil {
		val := fmt.Sprintf("акт № %s от %s (SHA-256 %s); причина замены: %s", r.Act.Number, formatDate(r.Act.Date), r.Act.Digest, r.Reason)
		v.Facts = append(v.Facts, fact{"Настоящий акт составлен взамен (Положение п. 9.6)", val})
	}

	for i, m := range c.Commission.All() {
		role := "Член комиссии"
		if i == 0 {
			role = "Председатель комиссии"
		}
		// Full names: RKN order 179 п. 3 «г» asks for the Ф.И.О. of those
		// who destroyed the data, stricter than the initials of policy 9.13.
		v.Commission = append(v.Commission, signer{Role: role, Position: m.Position, Name: m.FullName()})
	}

	switch c.Kind {
	case SelectionAct:
		v.Intro = "Комиссия, назначенная " + c.Commission.Order.instrumental() + ", произвела отбор бумажных и машиночитаемых " +
			"носителей персональных данных, подлежащих уничтожению, с указанием оснований для уничтожения (Положение п. 9.4), " +
			"и проверила наличие всех носителей, включённых в акт (Положение п. 9.7). Отобраны следующие носители:"
	case DestructionAct:
		v.Intro = "Комиссия, назначенная " + c.Commission.Order.instrumental() + ", проверила наличие всех носителей, включённых в акт " +
			"(Положение п. 9.7), и уничтожила в присутствии всех членов комиссии (Положение п. 9.10) следующие носители " +
			"и персональные данные способом, указанным для каждого носителя (Положение п. 9.11):"
	}

	overdue := 0
	dueDay := c.Date
	if c.Destruction != nil {
		dueDay = a.dateOf(c.Destruction.At)
	}
	v.Rows = make([]row, len(c.Items))
	var (
		cats                    pdata.CategorySet
		systems                 []string
		methods                 []Method
		grounds                 []string
		paper, sheets, machine  int
		files, filesN, recs, rN int
	)
	var sb strings.Builder
	for i, e := range c.Items {
		it := e.Item
		sb.Reset()
		for j, s := range it.Subjects {
			if j > 0 {
				sb.WriteString("; ")
			}
			sb.WriteString(s.Label())
		}
		r := row{
			N:          fmt.Sprint(i + 1),
			Medium:     it.Medium.Describe(),
			Subjects:   sb.String(),
			Categories: it.Categories.Titles(),
			Ground:     groundText(it),
			Method:     it.Method.Short(),
			Checked:    "не проверено",
		}
		if !e.Checked.IsZero() {
			r.Checked = "да, " + a.moment(e.Checked)
		}
		if it.DestroyBy != 0 && dueDay > it.DestroyBy {
			overdue++
			r.Note = "срок уничтожения истёк " + formatDate(it.DestroyBy) + " (Положение п. 9.3)"
		}
		v.Rows[i] = r
		cats |= it.Categories
		if it.Medium.System != "" && !slices.Contains(systems, it.Medium.System) {
			systems = append(systems, it.Medium.System)
		}
		if !slices.Contains(methods, it.Method) {
			methods = append(methods, it.Method)
		}
		if g := it.Ground.Title() + " (" + it.Basis.String() + ")"; !slices.Contains(grounds, g) {
			grounds = append(grounds, g)
		}
		switch it.Medium.Kind {
		case MediumPaper:
			paper++
			sheets += it.Medium.Sheets
		case MediumMachine:
			machine++
		case MediumFiles:
			files++
			filesN += it.Medium.Count
		case MediumRecords:
			recs++
			rN += it.Medium.Count
		}
	}

	// Summary: 9.13 kind and number of media; 179 п. 3 «в»–«к».
	var media []string
	if paper > 0 {
		media = append(media, fmt.Sprintf("бумажные носители — %d шт., всего %d %s", paper, sheets, pdata.PluralRU(sheets, "лист", "листа", "листов")))
	}
	if machine > 0 {
		media = append(media, fmt.Sprintf("машиночитаемые носители — %d шт.", machine))
	}
	if files > 0 {
		media = append(media, fmt.Sprintf("файлы на жёстком диске — %d %s", filesN, pdata.PluralRU(filesN, "файл", "файла", "файлов")))
	}
	if recs > 0 {
		media = append(media, fmt.Sprintf("записи в базах данных — %d %s", rN, pdata.PluralRU(rN, "запись", "записи", "записей")))
	}
	if len(media) == 0 {
		media = append(media, "носители не включены")
	}
	methodTitles := make([]string, len(methods))
	for i, m := range methods {
		methodTitles[i] = m.Title()
	}
	sys := "не использовались"
	if len(systems) > 0 {
		qs := make([]string, len(systems))
		for i, s := range systems {
			qs[i] = quote(s)
		}
		sys = strings.Join(qs, ", ")
	}
	subjectsNote := fmt.Sprintf("указаны в графе 3 таблицы (носителей: %d)", len(c.Items))
	v.Summary = []fact{
		{"Вид и количество носителей (п. 3 «е»; Положение п. 9.13)", strings.Join(media, "; ")},
		{"Субъекты ПДн (п. 3 «в»)", subjectsNote},
		{"Категории ПДн (п. 3 «д»)", orDash(cats.Titles())},
		{"Информационные системы ПДн (п. 3 «ж»)", sys},
		{"Способ уничтожения (п. 3 «з»; Положение п. 9.11)", orDash(strings.Join(methodTitles, "; "))},
		{"Основание (причина) уничтожения (п. 3 «и»; Положение п. 9.4)", orDash(strings.Join(grounds, "; "))},
	}
	if d := c.Destruction; d != nil {
		v.Summary = append(v.Summary, fact{"Дата уничтожения (п. 3 «к»)", formatDate(a.dateOf(d.At))})
	}

	if s := c.MediaSeal; s != nil {
		v.Statements = append(v.Statements, fmt.Sprintf(
			"Отобранные носители после проверки их наличия сложены и опечатаны председателем комиссии %s %s (Положение п. 9.9).",
			s.By.ShortName(), a.moment(s.At)))
	}
	if d := c.Destruction; d != nil {
		names := make([]string, len(d.Present))
		for i, m := range d.Present {
			names[i] = m.Position + " " + m.FullName()
		}
		v.Statements = append(v.Statements, fmt.Sprintf(
			"Уничтожение проведено %s в присутствии всех членов комиссии: %s Члены комиссии несут персональную ответственность "+
				"за правильность и полноту уничтожения перечисленных в акте носителей (Положение п. 9.10).",
			a.moment(d.At), sentence(strings.Join(names, ", "))))
		if len(systems) > 0 {
			v.Statements = append(v.Statements,
				"Персональные данные обрабатывались с использованием средств автоматизации (смешанная обработка, Положение п. 3.2): "+
					"к акту прилагается выгрузка из журнала регистрации событий в информационной системе персональных данных "+
					"(Приказ РКН № 179 п. 5). Сведения, которые выгрузка не позволяет отразить, указаны в настоящем акте: "+
					"для каждого носителя в таблице приведены субъекты, категории ПДн, информационная система, причина и дата уничтожения (п. 6).")
		}
	} else if c.Kind == SelectionAct {
		v.Statements = append(v.Statements,
			"Уничтожение отобранных носителей проводится после утверждения настоящего акта в присутствии всех членов комиссии "+
				"(Положение п. 9.10) в срок, не превышающий тридцати дней с даты, с которой уничтожение допускается (Положение пп. 9.1, 9.3).")
	}
	if n := overdue; n > 0 {
		when := "даты акта"
		if c.Destruction != nil {
			when = "даты уничтожения"
		}
		v.Statements = append(v.Statements, fmt.Sprintf(
			"Внимание: по %d %s срок уничтожения истёк до %s (Положение п. 9.3; 152-ФЗ ст. 21); см. отметки в таблице.",
			n, pdata.PluralRU(n, "носителю", "носителям", "носителям"), when))
	}
	if !Order179InForce(dueDay) {
		v.Statements = append(v.Statements,
			"Внимание: Приказ РКН № 179 действует с 01.03.2023 по 01.03.2029; на дату акта проверьте действующие требования к подтверждению уничтожения.")
	}
	v.Statements = append(v.Statements, keepingNote())

	if c.Kind == DestructionAct {
		v.SignTitle = "Подписи членов комиссии — лиц, уничтоживших персональные данные (Приказ РКН № 179 п. 3 «г»; Положение п. 9.12):"
	} else {
		v.SignTitle = "Подписи членов комиссии (Положение п. 9.8):"
	}
	for i, m := range c.Commission.All() {
		s := signer{Role: "Член комиссии", Position: m.Position, Name: m.FullName()}
		if i == 0 {
			s.Role = "Председатель комиссии"
		}
		for _, sg := range a.signatures {
			if sameOfficial(sg.Member, m) {
				s.Signed = "подписано " + a.moment(sg.At)
			}
		}
		v.Signers = append(v.Signers, s)
	}
	return v
}

// sentence ends s with a full stop unless it already ends with one (an
// initial).
func sentence(s string) string {
	if strings.HasSuffix(s, ".") {
		return s
	}
	return s + "."
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
