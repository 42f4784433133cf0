package requests

import (
	"bytes"
	"html/template"
	"strconv"
	"strings"

	"github.com/pdnkit/pdnkit/pdata"
	"github.com/pdnkit/pdnkit/retention"
	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"
)

// Ground is a legal ground or purpose of processing, with its citation.
type Ground struct {
	Text  string      `json:"text"`  // in Russian
	Basis pdata.Basis `json:"basis"` // its citation
}

// Recipient is someone other than the operator's staff who has access to the
// data or may receive them under a contract or a law (152-FZ art. 14 part 7
// item 4).
type Recipient struct {
	Name  string      `json:"name"`  // who, in Russian
	Basis pdata.Basis `json:"basis"` // on which ground
}

// Processor is a person processing data on the operator's behalf (лицо,
// осуществляющее обработку по поручению оператора), art. 14 part 7 item 9.
type Processor struct {
	Name    string `json:"name"`    // name, or full name of a person
	Address string `json:"address"` // address
}

// ReportSettings are what the operator says about its processing in every
// access report: purposes, grounds, methods, recipients, processors, rights.
// DefaultReportSettings reproduces the seed policy; a host changes what its
// own policy says (a CRM run as a service by another company is a
// processor and must be listed).
type ReportSettings struct {
	// Purposes by subject category (item 3); policy 1.6, 2.2, 2.3.4.
	Purposes map[pdata.SubjectCategory][]Ground `json:"purposes"`
	// Grounds by subject category (item 2); policy 3.3, 3.4.
	Grounds map[pdata.SubjectCategory][]Ground `json:"grounds"`
	// Methods describes the processing (item 3); policy 3.2.
	Methods Ground `json:"methods"`
	// Recipients besides the staff (item 4).
	Recipients []Recipient `json:"recipients"`
	// Processors acting on the operator's behalf (item 9); none by default.
	Processors []Processor `json:"processors"`
	// Rights lists how the subject exercises their rights (item 7).
	Rights []Ground `json:"rights"`
	// Consequences describes the legal consequences of the processing for
	// the subject (policy 7.1).
	Consequences string `json:"consequences"`
}

// DefaultReportSettings returns what the seed policy says.
func DefaultReportSettings() ReportSettings {
	contract := Ground{"исполнение договора управления многоквартирным домом, стороной которого является субъект, и оказание услуг Оператора", pdata.Cite("152-ФЗ ст. 6 ч. 1 п. 5", "1.6, 2.2")}
	consent := Ground{"согласие субъекта на обработку персональных данных", pdata.Cite("152-ФЗ ст. 6 ч. 1 п. 1; ст. 9", "3.3")}
	public := Ground{"получение сведений о правах на помещение из Росреестра (общедоступный источник), согласие не требуется", pdata.Cite("", "3.4")}
	duty := Ground{"исполнение обязанностей, возложенных на Оператора законом (жилищное законодательство, бухгалтерский учёт, архивное хранение)", pdata.Cite("152-ФЗ ст. 6 ч. 1 п. 2", "2.1, 3.6")}
	employment := Ground{"трудовой договор с субъектом и исполнение обязанностей работодателя", pdata.Cite("152-ФЗ ст. 6 ч. 1 п. 2, 5", "2.2, 3.6.1")}
	civil := Ground{"договор гражданско-правового характера с субъектом", pdata.Cite("152-ФЗ ст. 6 ч. 1 п. 5", "2.2, 3.6.3")}
	site := Ground{"выявление и решение технических проблем сайта Оператора", pdata.Cite("", "2.3.4")}
	service := Ground{"исполнение договорных и иных гражданско-правовых отношений, повышение оперативности и качества обслуживания субъектов", pdata.Cite("", "2.2")}
	return ReportSettings{
		Purposes: map[pdata.SubjectCategory][]Ground{
			pdata.Resident:   {contract, service},
			pdata.Employee:   {{"трудовые отношения с работником", pdata.Cite("", "2.2, 2.3.1")}},
			pdata.Contractor: {{"исполнение договора гражданско-правового характера", pdata.Cite("", "2.2, 2.3.3")}},
			pdata.SiteUser:   {site},
		},
		Grounds: map[pdata.SubjectCategory][]Ground{
			pdata.Resident:   {consent, contract, public, duty},
			pdata.Employee:   {consent, employment},
			pdata.Contractor: {consent, civil},
			pdata.SiteUser:   {consent},
		},
		Methods: Ground{"смешанная обработка (с использованием средств автоматизации и без них): сбор, запись, систематизация, накопление, хранение, уточнение (обновление, изменение), извлечение, использование, передача (предоставление, доступ), обезличивание, блокирование, удаление, уничтожение", pdata.Cite("", "3.2, 3.6")},
		Recipients: []Recipient{
			{"работники Оператора, включённые в перечень лиц, допущенных к персональным данным, утверждённый руководителем", pdata.Cite("", "3.8, 4.3")},
			{"органы государственной власти и иные организации — только при наличии полномочий по закону или договора об информационном обмене, по резолюции руководителя", pdata.Cite("152-ФЗ ст. 6", "5.2, 5.3")},
		},
		Rights: []Ground{
			{"получать сведения об обработке своих персональных данных, направив запрос, содержащий номер документа, удостоверяющего личность, сведения о дате его выдачи и выдавшем органе, сведения об отношениях с Оператором и подпись", pdata.Cite("152-ФЗ ст. 14 ч. 3, 7", "6.1.4, 7.1")},
			{"требовать уточнения, блокирования или уничтожения персональных данных, если они неполные, устаревшие, неточные, незаконно полученные или не нужны для заявленной цели", pdata.Cite("152-ФЗ ст. 14 ч. 1", "7.1")},
			{"отозвать согласие на обработку персональных данных", pdata.Cite("152-ФЗ ст. 9 ч. 2", "")},
			{"требовать прекращения обработки персональных данных", pdata.Cite("152-ФЗ ст. 21 ч. 5.1", "7.1")},
			{"обжаловать действия или бездействие Оператора в уполномоченный орган по защите прав субъектов персональных данных (Роскомнадзор) или в суд", pdata.Cite("152-ФЗ ст. 17", "7.1")},
		},
		Consequences: "обработка персональных данных необходима для исполнения договора с субъектом; юридических последствий, кроме предусмотренных договором и законом, она не влечёт",
	}
}

// DataLine is one category of data the operator holds about the subject,
// with its value and source (art. 14 part 7 item 5).
type DataLine struct {
	Category pdata.DataCategory `json:"category"` // the data category
	Title    string             `json:"title"`    // its Russian name
	// Value is the data as held, in full: the report goes to the subject.
	Value  string       `json:"value"`
	Source pdata.Source `json:"source"` // where it came from (zero: not recorded)
	// Note explains a value left out (another person's data).
	Note string `json:"note,omitempty"`
}

// TermLine is a processing or storage term (art. 14 part 7 item 6).
type TermLine struct {
	Text  string      `json:"text"`  // the term, in Russian
	Basis pdata.Basis `json:"basis"` // its citation
}

// AccessReport is the information the operator gives a subject about the
// processing of their data (152-FZ art. 14 part 7 items 1–10; policy 7.1),
// in an accessible form and without any other subject's data (art. 14 part
// 2; policy 5.1, 6.1.4): an employee's family members and a resident's
// family members and co-residents are not named, nor their identifiers given.
//
// It holds the subject's own data in full: it is the document sent to the
// subject, not something to log.
type AccessReport struct {
	RequestID string    `json:"request_id"` // the request answered
	Date      date.Date `json:"date"`       // the date of the answer
	// Operator's name, address, INN and OGRN (item 4).
	OperatorName    string `json:"operator_name"`
	OperatorAddress string `json:"operator_address"` // address (item 4)
	OperatorINN     string `json:"operator_inn"`     // ИНН
	OperatorOGRN    string `json:"operator_ogrn"`    // ОГРН
	// Addressee is the subject's full name (empty when no data are held).
	Addressee string `json:"addressee"`
	// Processed confirms that the operator processes the subject's data
	// (item 1).
	Processed    bool                  `json:"processed"`
	Category     pdata.SubjectCategory `json:"category,omitempty"`   // the subject's category
	Grounds      []Ground              `json:"grounds,omitempty"`    // item 2
	Purposes     []Ground              `json:"purposes,omitempty"`   // items 2, 3
	Methods      Ground                `json:"methods"`              // item 3
	Recipients   []Recipient           `json:"recipients,omitempty"` // item 4
	Data         []DataLine            `json:"data,omitempty"`       // item 5
	Terms        []TermLine            `json:"terms,omitempty"`      // item 6
	Rights       []Ground              `json:"rights"`               // item 7
	CrossBorder  Ground                `json:"cross_border"`         // item 8
	Processors   []Processor           `json:"processors,omitempty"` // item 9
	Consequences string                `json:"consequences"`         // policy 7.1
	Withheld     []Ground              `json:"withheld,omitempty"`   // what is left out, and why
	Basis        pdata.Basis           `json:"basis"`                // art. 14 part 2, 7; policy 5.1, 6.1.4, 7.1
}

var (
	basisReport         = pdata.Cite("152-ФЗ ст. 14 ч. 2, 7", "5.1, 6.1.4, 7.1")
	basisReportOperator = pdata.Cite("152-ФЗ ст. 14 ч. 7 п. 4", "1.2, 7.1")
)

// BuildAccessReport assembles the access report for subject s (nil when the
// operator holds no data about the person: the report then confirms that no
// data are processed). op names the operator; sched gives the storage terms
// (nil means retention.Default()); set is what the operator says about its
// processing; on is the report's date.
//
// The report names the operator (art. 14 part 7 item 4) and is dated: an op
// that does not pass pdata.Operator.Validate (name, address, INN, OGRN, head)
// or a zero on is a *pdata.ValidationError wrapping ErrInvalid, in English
// and Russian, and no report is built.
//
// Only s's own data go in. A family member of an employee (s.Family) is
// reported as a count, never by name or date of birth; the link to another
// subject's household (s.HouseholdOf) and that household's members are not
// reported at all (policy 5.1, 6.1.4; 152-FZ art. 14 part 2).
func BuildAccessReport(requestID string, s *pdata.Subject, op pdata.Operator, sched *retention.Schedule, set ReportSettings, on date.Date) (AccessReport, error) {
	var p pdata.Problems
	p.AddError("Operator", basisReportOperator, op.Validate())
	if on == date.Zero {
		p.Add("On", "required", basisReport, "the date of the report is not set",
			"не указана дата, которой датируются сведения, предоставляемые субъекту")
	}
	if err := p.Err(); err != nil {
		return AccessReport{}, err
	}
	if sched == nil {
		sched = retention.Default()
	}
	r := AccessReport{
		RequestID: requestID, Date: on,
		OperatorName: op.Name, OperatorAddress: op.Address, OperatorINN: op.INN.Digits(), OperatorOGRN: op.OGRN.Digits(),
		Methods: set.Methods, Recipients: set.Recipients, Rights: set.Rights, Processors: set.Processors,
		Consequences: set.Consequences,
		CrossBorder:  Ground{"трансграничная передача персональных данных не осуществляется и не планируется", pdata.Cite("152-ФЗ ст. 12", "3.5")},
		Basis:        basisReport,
	}
	if s == nil {
		return r, nil
	}
	r.Processed = true
	r.Addressee = s.FullName()
	r.Category = s.Category
	r.Grounds = set.Grounds[s.Category]
	r.Purposes = set.Purposes[s.Category]
	r.Data = dataLines(s)
	if len(s.Family) > 0 || s.Other[pdata.DataFamilyMembers] != "" {
		r.Withheld = append(r.Withheld, Ground{"сведения о членах семьи приведены без их фамилий, имён и дат рождения: это персональные данные других лиц", pdata.Cite("152-ФЗ ст. 14 ч. 2", "5.1, 6.1.4")})
	}
	if s.Category == pdata.Resident {
		r.Withheld = append(r.Withheld, Ground{"сведения о членах семьи и совместно проживающих лицах не приводятся: это персональные данные других субъектов, каждый из которых вправе запросить сведения о себе", pdata.Cite("152-ФЗ ст. 14 ч. 2", "5.1, 6.1.4")})
	}
	terms, err := termLines(s.Category, sched, on)
	if err != nil {
		return AccessReport{}, err
	}
	r.Terms = terms
	return r, nil
}

func termLines(c pdata.SubjectCategory, sched *retention.Schedule, on date.Date) ([]TermLine, error) {
	var kinds []retention.Kind
	var titles []string
	switch c {
	case pdata.Employee:
		kinds = []retention.Kind{retention.HRPersonnel, retention.HRLeave, retention.HRTrip, retention.HRInspection, retention.HRDisciplinary}
		titles = []string{"приказы по личному составу", "приказы об отпусках", "приказы о командировках", "приказы о служебных проверках", "приказы о дисциплинарных взысканиях"}
	case pdata.Resident:
		kinds, titles = []retention.Kind{retention.ResidentFile}, []string{"документы собственника (пользователя) помещения"}
	case pdata.Contractor:
		kinds, titles = []retention.Kind{retention.ContractorFile}, []string{"документы по договору гражданско-правового характера"}
	case pdata.SiteUser:
		kinds, titles = []retention.Kind{retention.SiteData}, []string{"данные пользователя сайта"}
	}
	out := []TermLine{{"обработка — в течение срока действия договора с субъектом и до достижения целей обработки; по достижении целей данные уничтожаются не позднее трёх рабочих дней, но не ранее истечения сроков хранения", pdata.Cite("152-ФЗ ст. 21 ч. 4", "6.1.10, 9.1")}}
	for i, k := range kinds {
		t, err := sched.Term(retention.Record{ID: "access-report", Kind: k, Closed: on})
		if err != nil {
			return nil, err
		}
		out = append(out, TermLine{"хранение (" + titles[i] + ") — " + sched.Describe(k), t.Basis})
	}
	return out, nil
}

const noteOthers = "фамилии, имена, отчества и даты рождения членов семьи не приводятся: это персональные данные других лиц (ч. 2 ст. 14 152-ФЗ; п. 5.1, 6.1.4 Положения)"

func dataLines(s *pdata.Subject) []DataLine {
	var out []DataLine
	add := func(c pdata.DataCategory, v string) {
		out = append(out, DataLine{Category: c, Title: c.Title(), Value: v, Source: s.Sources[c]})
	}
	fields := *s
	fields.Other = nil
	inFields := fields.Held()
	for _, c := range s.Held().Slice() {
		if inFields.Has(c) {
			fieldLine(s, c, add, &out)
		}
		if v, ok := s.Other[c]; ok {
			if c == pdata.DataFamilyMembers {
				// Free text about family members names other people: never
				// copied into the report (policy 5.1, 6.1.4).
				if !inFields.Has(c) {
					out = append(out, DataLine{Category: c, Title: c.Title(), Source: s.Sources[c], Note: noteOthers})
				}
				continue
			}
			add(c, v)
		}
	}
	return out
}

// fieldLine adds the line for category c held in a dedicated field of s.
func fieldLine(s *pdata.Subject, c pdata.DataCategory, add func(pdata.DataCategory, string), out *[]DataLine) {
	switch c {
	case pdata.DataFullName:
		add(c, s.FullName())
	case pdata.DataSex:
		add(c, s.Sex.Title())
	case pdata.DataBirthDate:
		add(c, ruDate(s.BirthDate))
	case pdata.DataBirthPlace:
		add(c, s.BirthPlace)
	case pdata.DataRegistrationAddress:
		add(c, s.RegistrationAddress)
	case pdata.DataResidenceAddress:
		add(c, s.ResidenceAddress)
	case pdata.DataIdentityDocument:
		add(c, passportLine(s.Passport))
	case pdata.DataFamilyMembers:
		n := len(s.Family)
		*out = append(*out, DataLine{Category: c, Title: c.Title(), Source: s.Sources[c],
			Value: "сведения о " + strconv.Itoa(n) + " " + pdata.PluralRU(n, "члене", "членах", "членах") + " семьи",
			Note:  noteOthers})
	case pdata.DataPropertyRights:
		lines := make([]string, 0, len(s.Property))
		for _, p := range s.Property {
			lines = append(lines, propertyLine(p))
		}
		add(c, strings.Join(lines, "; "))
	case pdata.DataINN:
		add(c, s.INN.Digits())
	case pdata.DataSNILS:
		add(c, s.SNILS.Formatted())
	case pdata.DataPhone:
		add(c, s.Phone.E164())
	case pdata.DataEmail:
		add(c, s.Email.Address())
	case pdata.DataMilitary:
		add(c, s.Military)
	case pdata.DataIP:
		add(c, s.IP.String())
	case pdata.DataCookies:
		add(c, s.Cookies)
	case pdata.DataBrowser:
		add(c, s.Browser)
	case pdata.DataAccessTime:
		add(c, s.AccessTime.Format("02.01.2006 15:04:05 MST"))
	case pdata.DataReferrer:
		add(c, s.Referrer)
	}
}

func passportLine(p *pdata.Passport) string {
	if p == nil {
		return ""
	}
	parts := []string{"паспорт гражданина Российской Федерации " + p.Formatted()}
	if p.IssueDate != date.Zero {
		parts = append(parts, "выдан "+ruDate(p.IssueDate))
	}
	if p.Issuer != "" {
		parts = append(parts, p.Issuer)
	}
	if p.DivisionCode != "" {
		parts = append(parts, "код подразделения "+p.DivisionCode)
	}
	return strings.Join(parts, ", ")
}

func propertyLine(p pdata.PropertyRight) string {
	parts := []string{p.Kind.Title() + ": " + p.Premises}
	if !p.Cadastral.IsZero() {
		parts = append(parts, "кадастровый номер "+p.Cadastral.Number())
	}
	if p.Registration != "" {
		reg := "запись ЕГРН № " + p.Registration
		if p.RegisteredOn != date.Zero {
			reg += " от " + ruDate(p.RegisteredOn)
		}
		parts = append(parts, reg)
	}
	if !p.Area.IsZero() {
		parts = append(parts, "площадь "+ruDecimal(p.Area)+" кв. м")
	}
	if !p.Share.IsZero() {
		parts = append(parts, "доля "+ruDecimal(p.Share))
	}
	parts = append(parts, "проживающих "+strconv.Itoa(p.Residents), "зарегистрированных "+strconv.Itoa(p.Registered),
		"временно пребывающих "+strconv.Itoa(p.Temporary))
	return strings.Join(parts, ", ")
}

// ruDecimal writes a decimal as Russian documents do, with a decimal comma:
// «54,3», «0,5».
func ruDecimal(d decimal.Decimal) string { return strings.Replace(d.String(), ".", ",", 1) }

// Text renders the report as plain Russian text, its sections numbered as
// the items of art. 14 part 7.
func (r AccessReport) Text() string {
	var b strings.Builder
	w := func(s ...string) {
		for _, x := range s {
			b.WriteString(x)
		}
		b.WriteByte('\n')
	}
	w("СВЕДЕНИЯ ОБ ОБРАБОТКЕ ПЕРСОНАЛЬНЫХ ДАННЫХ")
	w("(ч. 7 ст. 14 Федерального закона от 27.07.2006 № 152-ФЗ «О персональных данных»; п. 7.1 Положения)")
	w()
	w("Оператор: ", r.OperatorName, ", ИНН ", r.OperatorINN, ", ОГРН ", r.OperatorOGRN)
	w("Адрес: ", r.OperatorAddress)
	w("По запросу № ", r.RequestID, ", дата ответа: ", ruDate(r.Date))
	if r.Addressee != "" {
		w("Кому: ", r.Addressee)
	}
	w()
	if !r.Processed {
		w("1. Оператор не обрабатывает персональные данные заявителя.")
		w()
		r.textRights(w)
		return b.String()
	}
	w("1. Оператор подтверждает, что обрабатывает ваши персональные данные (категория субъектов: ", r.Category.Title(), ").")
	w("2. Правовые основания обработки:")
	for _, g := range r.Grounds {
		w("   — ", g.Text, cite(g.Basis))
	}
	w("3. Цели обработки:")
	for _, g := range r.Purposes {
		w("   — ", g.Text, cite(g.Basis))
	}
	w("   Способы обработки: ", r.Methods.Text, cite(r.Methods.Basis))
	w("4. Оператор: ", r.OperatorName, ", ", r.OperatorAddress, ".")
	w("   Доступ к персональным данным имеют или могут их получить:")
	for _, x := range r.Recipients {
		w("   — ", x.Name, cite(x.Basis))
	}
	w("5. Обрабатываемые персональные данные и источник их получения:")
	for _, d := range r.Data {
		src := "источник не указан"
		if d.Source.Valid() {
			src = "источник: " + d.Source.Title()
		}
		w("   — ", d.Title, ": ", d.Value, " (", src, ")")
		if d.Note != "" {
			w("     ", d.Note)
		}
	}
	w("6. Сроки обработки и хранения:")
	for _, t := range r.Terms {
		w("   — ", t.Text, cite(t.Basis))
	}
	r.textRights(w)
	w("8. Трансграничная передача: ", r.CrossBorder.Text, cite(r.CrossBorder.Basis), ".")
	w("9. Обработка по поручению Оператора: ", r.processorsText(), ".")
	w("10. Юридические последствия обработки: ", r.Consequences, ".")
	if len(r.Withheld) > 0 {
		w()
		w("Не приводится:")
		for _, g := range r.Withheld {
			w("   — ", g.Text, cite(g.Basis))
		}
	}
	return b.String()
}

func (r AccessReport) textRights(w func(...string)) {
	w("7. Порядок осуществления прав субъекта персональных данных. Вы вправе:")
	for _, g := range r.Rights {
		w("   — ", g.Text, cite(g.Basis))
	}
}

func (r AccessReport) processorsText() string {
	if len(r.Processors) == 0 {
		return "Оператор не поручал обработку персональных данных другим лицам"
	}
	parts := make([]string, 0, len(r.Processors))
	for _, p := range r.Processors {
		parts = append(parts, p.Name+", "+p.Address)
	}
	return strings.Join(parts, "; ")
}

func cite(b pdata.Basis) string {
	if b.IsZero() {
		return ""
	}
	return " (" + b.String() + ")"
}

var reportHTML = template.Must(template.New("report").Funcs(template.FuncMap{
	"date": ruDate, "cite": cite,
}).Parse(`<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8"><title>Сведения об обработке персональных данных</title></head>
<body>
<h1>Сведения об обработке персональных данных</h1>
<p>ч. 7 ст. 14 Федерального закона от 27.07.2006 № 152-ФЗ «О персональных данных»; п. 7.1 Положения</p>
<p>Оператор: {{.OperatorName}}, ИНН {{.OperatorINN}}, ОГРН {{.OperatorOGRN}}<br>Адрес: {{.OperatorAddress}}<br>
По запросу № {{.RequestID}}, дата ответа: {{date .Date}}{{if .Addressee}}<br>Кому: {{.Addressee}}{{end}}</p>
<ol>
{{- if not .Processed}}
<li>Оператор не обрабатывает персональные данные заявителя.</li>
{{- else}}
<li>Оператор подтверждает, что обрабатывает ваши персональные данные (категория субъектов: {{.Category.Title}}).</li>
<li>Правовые основания обработки:<ul>{{range .Grounds}}<li>{{.Text}}{{cite .Basis}}</li>{{end}}</ul></li>
<li>Цели обработки:<ul>{{range .Purposes}}<li>{{.Text}}{{cite .Basis}}</li>{{end}}</ul>
Способы обработки: {{.Methods.Text}}{{cite .Methods.Basis}}</li>
<li>Оператор: {{.OperatorName}}, {{.OperatorAddress}}. Доступ к персональным данным имеют или могут их получить:
<ul>{{range .Recipients}}<li>{{.Name}}{{cite .Basis}}</li>{{end}}</ul></li>
<li>Обрабатываемые персональные данные и источник их получения:
<table border="1"><tr><th>Категория</th><th>Данные</th><th>Источник</th></tr>
{{range .Data}}<tr><td>{{.Title}}</td><td>{{.Value}}{{if .Note}}<br><small>{{.Note}}</small>{{end}}</td><td>{{if .Source.Valid}}{{.Source.Title}}{{else}}не указан{{end}}</td></tr>
{{end}}</table></li>
<li>Сроки обработки и хранения:<ul>{{range .Terms}}<li>{{.Text}}{{cite .Basis}}</li>{{end}}</ul></li>
{{- end}}
<li value="7">Порядок осуществления прав субъекта персональных данных. Вы вправе:<ul>{{range .Rights}}<li>{{.Text}}{{cite .Basis}}</li>{{end}}</ul></li>
{{- if .Processed}}
<li>Трансграничная передача: {{.CrossBorder.Text}}{{cite .CrossBorder.Basis}}.</li>
<li>Обработка по поручению Оператора: {{.ProcessorsText}}.</li>
<li>Юридические последствия обработки: {{.Consequences}}.</li>
{{- end}}
</ol>
{{- if .Withheld}}
<p>Не приводится:</p><ul>{{range .Withheld}}<li>{{.Text}}{{cite .Basis}}</li>{{end}}</ul>
{{- end}}
</body></html>
`))

// ProcessorsText says who processes the data on the operator's behalf, in
// Russian (item 9).
func (r AccessReport) ProcessorsText() string { return r.processorsText() }

// HTML renders the report as an HTML document (UTF-8, escaped).
func (r AccessReport) HTML() (string, error) {
	var b bytes.Buffer
	if err := reportHTML.Execute(&b, r); err != nil {
		return "", err
	}
	return b.String(), nil
}
