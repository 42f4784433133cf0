package consent

import (
	_ "embed"
	"fmt"
	htmltemplate "html/template"
	"io"
	"strconv"
	"strings"
	texttemplate "text/template"

	"github.com/pdnkit/pdnkit/pdata"
	"github.com/rickb777/date/v2"
	"github.com/rickb777/period"
)

// RenderFormat is the output format of Render.
type RenderFormat uint8

// The formats Render writes.
const (
	// Text is plain UTF-8 text, for printing or an e-mail body.
	Text RenderFormat = iota + 1
	// HTML is a complete HTML page (html/template escapes every value).
	HTML
)

//go:embed form.txt.tmpl
var textSource string

//go:embed form.html.tmpl
var htmlSource string

var funcs = map[string]any{"inc": func(i int) int { return i + 1 }, "wrap": wrap}

// lineWidth is the width, in characters, of the plain-text form.
const lineWidth = 100

// wrap breaks s into lines of at most lineWidth characters at spaces, the
// first starting with first and the others with rest.
func wrap(first, rest, s string) string {
	var b strings.Builder
	line, n := first, len([]rune(first))
	start := true
	for _, w := range strings.Fields(s) {
		wn := len([]rune(w))
		if !start && n+1+wn > lineWidth {
			b.WriteString(line + "\n")
			line, n, start = rest, len([]rune(rest)), true
		}
		if !start {
			line += " "
			n++
		}
		line += w
		n += wn
		start = false
	}
	b.WriteString(line)
	return b.String()
}

// The templates are parsed once and only read afterwards.
var (
	textForm = texttemplate.Must(texttemplate.New("form").Funcs(funcs).Parse(textSource))
	htmlForm = htmltemplate.Must(htmltemplate.New("form").Funcs(funcs).Parse(htmlSource))
)

// Render writes c as the document the subject signs, in Russian: every
// element of 152-FZ art. 9 part 4 in plain words, plus the content of its
// kind (the recipients, the third-party source and notice, or for a
// Distribution consent the RKN order No. 18 fields, as a document of its
// own). An element that is missing prints as a blank line to fill in by
// hand, so an operator can also print a blank form from a partly filled
// consent; Render does not validate (use Validate). The form shows the
// subject's data in full — it is the document itself — so send it only to
// the subject and to whoever keeps the signed copy.
//
// A nil w or an unknown format is an error matching ErrInvalid, in English
// and Russian, and nothing is written.
func Render(w io.Writer, c Consent, f RenderFormat) error {
	var pr pdata.Problems
	if w == nil {
		pr.Add("w", "required", pdata.Basis{}, "Render needs a writer", "не указано, куда выводить форму согласия")
	}
	if f != Text && f != HTML {
		pr.Add("f", "render_format", pdata.Basis{}, fmt.Sprintf("unknown render format %d (use Text or HTML)", f),
			fmt.Sprintf("неизвестный формат формы согласия (код %d): используйте текст или HTML", f))
	}
	if err := pr.Err(); err != nil {
		return err
	}
	v := buildForm(c)
	if f == HTML {
		return htmlForm.Execute(w, v)
	}
	return textForm.Execute(w, v)
}

// form is the view Render's templates print: every string is final Russian.
type form struct {
	Heading    string
	Subheading string
	Number     string
	Intro      string
	Sections   []section
	Closing    []string
	Signature  []string
}

type section struct {
	Title string
	Lines []string
}

const blank = "____________________"

func or(s string) string {
	if strings.TrimSpace(s) == "" {
		return blank
	}
	return s
}

func ruDate(d date.Date) string {
	if d == date.Zero {
		return "«___» ____________ 20___ г."
	}
	return d.Format("02.01.2006")
}

func personText(p Person) string {
	var b strings.Builder
	b.WriteString(or(p.FullName()) + ", адрес: " + or(p.Address) + ", ")
	b.WriteString("основной документ, удостоверяющий личность: паспорт гражданина Российской Федерации")
	if p.Document.IsZero() {
		b.WriteString(" серия ______ № ________")
	} else {
		s := p.Document.Series()
		b.WriteString(" серия " + s[:2] + " " + s[2:] + " № " + p.Document.Number())
	}
	b.WriteString(", выдан " + ruDate(p.Document.IssueDate) + " " + or(p.Document.Issuer))
	if p.Document.DivisionCode != "" {
		b.WriteString(", код подразделения " + p.Document.DivisionCode)
	}
	return b.String()
}

func partyText(p Party, withIDs bool) string {
	s := or(p.Name) + ", адрес: " + or(p.Address)
	if withIDs || !p.INN.IsZero() {
		inn := p.INN.Digits()
		s += ", ИНН " + or(inn)
	}
	if withIDs || !p.OGRN.IsZero() {
		name := "ОГРН"
		if p.OGRN.IsIP() {
			name = "ОГРНИП"
		}
		s += ", " + name + " " + or(p.OGRN.Digits())
	}
	return s
}

func authorityText(a Authority) string {
	s := or(a.Document)
	if a.Number != "" {
		s += " № " + a.Number
	} else if a.Document != "" {
		s += " б/н"
	}
	s += " от " + ruDate(a.Date)
	var notes []string
	if a.Issuer != "" {
		notes = append(notes, "выдан или удостоверен: "+a.Issuer)
	}
	if a.ValidUntil != date.Zero {
		notes = append(notes, "действителен по "+ruDate(a.ValidUntil))
	}
	if len(notes) > 0 {
		s += " (" + strings.Join(notes, "; ") + ")"
	}
	return s
}

func buildForm(c Consent) form {
	v := form{Heading: "СОГЛАСИЕ", Number: c.Document.Number}
	switch c.Kind {
	case Distribution:
		v.Subheading = "на обработку персональных данных, разрешённых субъектом персональных данных для распространения"
	case ThirdPartySource:
		v.Subheading = "на получение персональных данных у третьей стороны и их обработку"
	case Transfer:
		v.Subheading = "на передачу (предоставление) персональных данных третьему лицу"
	default:
		v.Subheading = "на обработку персональных данных"
	}
	if v.Number == "" {
		v.Number = c.ID
	}
	if v.Number == "" {
		v.Number = "________"
	}

	// Who consents.
	var intro []string
	if rep := c.Representative; rep != nil {
		intro = append(intro,
			"Я, "+personText(rep.Person)+",",
			"действуя от имени субъекта персональных данных: "+personText(c.Subject)+",",
			"на основании: "+authorityText(rep.Authority)+",")
	} else {
		intro = append(intro, "Я, "+personText(c.Subject)+",")
	}
	if c.Kind == Distribution {
		intro = append(intro, "контактная информация: "+contactText(c.Distribution)+",")
	}
	whose := "моих персональных данных"
	if c.Representative != nil {
		whose = "персональных данных представляемого мной субъекта"
	}
	var what string
	switch c.Kind {
	case Distribution:
		what = "на обработку " + whose + " в целях их распространения (предоставления доступа неограниченному кругу лиц) в соответствии со статьёй 10.1"
	case ThirdPartySource:
		what = "на получение " + whose + " у третьей стороны, указанной ниже, и на их обработку в соответствии со статьёй 9"
	case Transfer:
		what = "на передачу (предоставление) " + whose + " третьему лицу, указанному ниже, в соответствии со статьёй 9"
	default:
		what = "на обработку " + whose + " в соответствии со статьёй 9"
	}
	intro = append(intro,
		"свободно, своей волей и в своём интересе даю конкретное, предметное, информированное, сознательное и однозначное согласие "+
			what+" Федерального закона от 27.07.2006 № 152-ФЗ «О персональных данных»",
		"оператору персональных данных — "+partyText(c.Operator, c.Kind == Distribution)+" (далее — Оператор),",
		"на следующих условиях.")
	v.Intro = strings.Join(intro, " ")

	if c.Kind == Distribution {
		var res []string
		if c.Distribution != nil {
			res = c.Distribution.Resources
		}
		v.Sections = append(v.Sections, section{
			Title: "Информационные ресурсы Оператора, посредством которых будет осуществляться предоставление доступа неограниченному кругу лиц",
			Lines: orLines(res)})
	}
	v.Sections = append(v.Sections, section{Title: "Цели обработки персональных данных", Lines: orLines(c.Purposes)})
	if c.Kind == Distribution {
		v.Sections = append(v.Sections, distributionSections(c)...)
	} else {
		var cats []string
		for _, dc := range c.Categories {
			cats = append(cats, dc.Title())
		}
		v.Sections = append(v.Sections, section{Title: "Перечень персональных данных, на обработку которых даётся согласие", Lines: orLines(cats)})
	}
	if len(c.Recipients) > 0 || c.Kind == Transfer {
		var rs []string
		for _, p := range c.Recipients {
			rs = append(rs, partyText(p, false))
		}
		v.Sections = append(v.Sections, section{Title: "Третьи лица, которым Оператор вправе передавать (предоставлять) персональные данные", Lines: orLines(rs)})
	}
	if c.Kind == ThirdPartySource {
		t := c.ThirdParty
		if t == nil {
			t = &ThirdPartyTerms{}
		}
		v.Sections = append(v.Sections, section{Title: "Получение персональных данных у третьей стороны", Lines: []string{
			"источник (третья сторона): " + partyText(t.From, false),
			"способы получения: " + or(t.How),
			"последствия отказа дать письменное согласие на получение: " + or(t.RefusalConsequences),
			"о получении персональных данных у третьей стороны я уведомлён(а) " + ruDate(t.NotifiedOn),
		}})
	}
	proc := "обработка персональных данных другим лицам не поручается"
	if c.Processor != nil {
		proc = partyText(*c.Processor, false)
	}
	v.Sections = append(v.Sections, section{Title: "Лицо, осуществляющее обработку персональных данных по поручению Оператора", Lines: []string{proc}})

	var acts []string
	for _, a := range c.Actions {
		acts = append(acts, a.Title())
	}
	actions := blank
	if len(acts) > 0 {
		actions = strings.Join(acts, ", ")
	}
	method := blank
	if c.Method.Valid() {
		method = c.Method.Title()
	}
	if c.MethodNote != "" {
		method += "; " + c.MethodNote
	}
	v.Sections = append(v.Sections, section{Title: "Действия с персональными данными и способы обработки", Lines: []string{
		"перечень действий: " + actions,
		"общее описание способов обработки: " + method,
	}})

	term := []string{"срок действия: " + validityText(c), "порядок отзыва: " + or(c.HowToWithdraw)}
	if c.Kind == Distribution {
		term = append(term, "я вправе в любое время потребовать прекратить распространение моих персональных данных; "+
			"действие согласия прекращается с момента поступления Оператору такого требования (части 12 и 13 статьи 10.1 Федерального закона № 152-ФЗ)")
	} else {
		term = append(term, "согласие может быть отозвано в любое время; после получения отзыва Оператор прекращает обработку "+
			"и уничтожает персональные данные в срок, не превышающий тридцати дней с даты поступления отзыва, "+
			"если иное основание обработки не предусмотрено федеральным законом (часть 2 статьи 9, часть 5 статьи 21 Федерального закона № 152-ФЗ)")
	}
	v.Sections = append(v.Sections, section{Title: "Срок действия согласия и порядок его отзыва", Lines: term})

	// Closing: the document and the signature.
	if c.Document.Standalone {
		v.Closing = append(v.Closing, "Согласие оформлено отдельным документом"+docName(c.Document)+".")
	} else {
		v.Closing = append(v.Closing, "Согласие содержится в документе"+docName(c.Document)+".")
	}
	form := blank
	if c.Document.Form.Valid() {
		form = c.Document.Form.Title()
	}
	v.Closing = append(v.Closing, "Форма: "+form+".", "Дата: "+ruDate(c.Given))

	signer := "субъект персональных данных"
	name := c.Subject.ShortName()
	if c.Representative != nil {
		signer, name = "представитель субъекта персональных данных", c.Representative.ShortName()
	}
	switch s := c.Signature; {
	case s.Kind.Electronic():
		line := "Электронная подпись: " + s.Kind.Title() + "; подписант: " + signer + " " + or(name)
		switch s.Kind {
		case SimpleElectronic:
			line += "; ключ простой электронной подписи: " + or(s.Key)
		default:
			line += "; сертификат ключа проверки электронной подписи № " + or(s.Certificate) + ", удостоверяющий центр: " + or(s.CertificateIssuer)
		}
		if !s.SignedAt.IsZero() {
			line += "; время подписания: " + s.SignedAt.Format("02.01.2006 15:04:05 -07:00")
		}
		v.Signature = append(v.Signature, line)
	default:
		v.Signature = append(v.Signature, "Подпись ("+signer+"): "+blank+" / "+or(name)+" /")
	}
	if w := c.Withdrawn; w != nil {
		line := "Отметка Оператора: согласие отозвано, отзыв получен " + ruDate(w.Date)
		if w.Document != "" {
			line += " (" + w.Document + ")"
		}
		v.Signature = append(v.Signature, line+".")
	}
	return v
}

func docName(d Document) string {
	if d.Title == "" {
		return " «" + blank + "»"
	}
	s := " «" + d.Title + "»"
	if d.Number != "" {
		s += " № " + d.Number
	}
	return s
}

func orLines(s []string) []string {
	if len(s) == 0 {
		return []string{blank}
	}
	return s
}

func contactText(d *DistributionTerms) string {
	if d == nil || d.Contact.IsZero() {
		return "телефон " + blank + ", адрес электронной почты или почтовый адрес " + blank
	}
	var parts []string
	if !d.Contact.Phone.IsZero() {
		parts = append(parts, "телефон "+d.Contact.Phone.E164())
	}
	if !d.Contact.Email.IsZero() {
		parts = append(parts, "адрес электронной почты "+d.Contact.Email.Address())
	}
	if !isBlank(d.Contact.Postal) {
		parts = append(parts, "почтовый адрес "+d.Contact.Postal)
	}
	return strings.Join(parts, ", ")
}

func distributionSections(c Consent) []section {
	d := c.Distribution
	if d == nil {
		d = &DistributionTerms{}
	}
	var lines []string
	itemized := map[int]bool{}
	for _, it := range d.Items {
		itemized[int(it.Category)] = true
		s := it.Category.Title() + ": разрешаю распространять — " + or(it.Data) + "; "
		switch {
		case it.NoRestrictions:
			s += "условия и запреты не устанавливаю"
		default:
			s += "условия: " + orNone(it.Conditions) + "; запреты: " + orNone(it.Prohibitions)
		}
		lines = append(lines, s)
	}
	for _, dc := range c.Categories {
		if !itemized[int(dc)] {
			lines = append(lines, dc.Title()+": разрешаю распространять — "+blank+"; условия и запреты: "+blank)
		}
	}
	transfer := blank
	if d.Transfer.Valid() {
		transfer = d.Transfer.Title()
	}
	return []section{
		{Title: "Категории и перечень персональных данных, разрешённых для распространения, с условиями и запретами на их обработку неограниченным кругом лиц", Lines: orLines(lines)},
		{Title: "Условия, при которых полученные персональные данные могут передаваться Оператором", Lines: []string{transfer}},
	}
}

func orNone(s string) string {
	if strings.TrimSpace(s) == "" {
		return "не устанавливаю"
	}
	return s
}

func validityText(c Consent) string {
	v := c.Validity
	cal := ""
	switch {
	case !v.For.IsZero():
		cal = "в течение " + ruPeriod(v.For) + " со дня подписания"
		if exp := c.Expires(); exp != date.Zero {
			cal += " (по " + ruDate(exp) + " включительно)"
		}
	case v.Until != date.Zero:
		cal = "по " + ruDate(v.Until) + " включительно"
	}
	switch {
	case !isBlank(v.Event) && cal != "":
		return v.Event + ", но не дольше чем " + cal
	case !isBlank(v.Event):
		return v.Event
	case cal != "":
		return cal
	}
	return blank
}

// ruPeriod writes a term in Russian words in the genitive that «в течение»
// takes: «5 лет», «1 года 6 месяцев», «21 дня».
func ruPeriod(p period.Period) string {
	var parts []string
	add := func(n int, one, other string) {
		if n != 0 {
			w := other
			if n%10 == 1 && n%100 != 11 {
				w = one
			}
			parts = append(parts, strconv.Itoa(n)+" "+w)
		}
	}
	add(p.Years(), "года", "лет")
	add(p.Months(), "месяца", "месяцев")
	add(p.Weeks(), "недели", "недель")
	add(p.Days(), "дня", "дней")
	if len(parts) == 0 {
		return blank
	}
	return strings.Join(parts, " ")
}
