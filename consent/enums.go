package consent

import "github.com/pdnkit/pdnkit/pdata"

// name is one value of an enumeration: its machine name (stored, sent over
// the wire) and its Russian title (printed in documents).
type name struct{ id, ru string }

// enumName returns the entry of v in tbl; index 0 of every table is the
// "unset" entry.
func enumName[T ~uint8](v T, tbl []name) name {
	if int(v) <= 0 || int(v) >= len(tbl) {
		return tbl[0]
	}
	return tbl[v]
}

// parseEnum decodes a machine name. An unknown name gives a *pdata.ParseError
// (matching pdata.ErrInvalid) that does not repeat the input.
func parseEnum[T ~uint8](b []byte, tbl []name, what, rule, en, ru string) (T, error) {
	for i := 1; i < len(tbl); i++ {
		if tbl[i].id == string(b) {
			return T(i), nil
		}
	}
	return 0, &pdata.ParseError{What: what, Rule: rule, Reason: en, ReasonRU: ru}
}

// Kind is what a consent is given for. Each kind has its own rules of
// content and its own uses in Decide.
type Kind uint8

// The kinds of consent.
const (
	// Processing is a consent to processing (согласие на обработку
	// персональных данных), 152-FZ art. 9; policy 3.3.
	Processing Kind = iota + 1
	// Distribution is a consent to processing of data the subject permits
	// for distribution to the public (согласие на обработку персональных
	// данных, разрешённых для распространения), 152-FZ art. 10.1 and RKN
	// order No. 18. It must be a document of its own.
	Distribution
	// ThirdPartySource is a consent to obtaining the subject's data from a
	// third party (согласие на получение персональных данных у третьей
	// стороны), given after notice, policy 6.1.2.
	ThirdPartySource
	// Transfer is a consent to giving data to a named recipient (согласие на
	// передачу персональных данных третьему лицу), policy 5.3.
	Transfer
)

var kindNames = []name{
	{"unknown", "неизвестный вид согласия"},
	{"processing", "согласие на обработку персональных данных"},
	{"distribution", "согласие на обработку персональных данных, разрешённых субъектом персональных данных для распространения"},
	{"third_party_source", "согласие на получение персональных данных у третьей стороны"},
	{"transfer", "согласие на передачу (предоставление) персональных данных третьему лицу"},
}

// Valid reports whether k is a defined kind.
func (k Kind) Valid() bool { return k >= Processing && k <= Transfer }

// String returns the machine name ("processing").
func (k Kind) String() string { return enumName(k, kindNames).id }

// Title returns the Russian name of the kind, as in a document's heading.
func (k Kind) Title() string { return enumName(k, kindNames).ru }

// MarshalText encodes the machine name.
func (k Kind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText decodes a machine name; an unknown name is an error matching
// pdata.ErrInvalid.
func (k *Kind) UnmarshalText(b []byte) error {
	v, err := parseEnum[Kind](b, kindNames, "consent kind", "consent_kind",
		"unknown consent kind (want processing, distribution, third_party_source or transfer)",
		"неизвестный вид согласия")
	if err == nil {
		*k = v
	}
	return err
}

// Action is one action with personal data a consent may permit: the list of
// 152-FZ art. 3 item 3 as the policy repeats it in clause 3.2. Transfer
// (передача) is split into its three forms because each has its own rules:
// provision to a named recipient (policy 5.3), access, and distribution to the
// public (art. 10.1).
type Action uint8

// The actions of policy 3.2.
const (
	ActCollect       Action = iota + 1 // сбор
	ActRecord                          // запись
	ActSystematize                     // систематизация
	ActAccumulate                      // накопление
	ActStore                           // хранение
	ActUpdate                          // уточнение (обновление, изменение)
	ActExtract                         // извлечение
	ActUse                             // использование
	ActProvide                         // передача (предоставление)
	ActAccess                          // передача (доступ)
	ActDistribute                      // передача (распространение), only in a Distribution consent
	ActDepersonalize                   // обезличивание
	ActBlock                           // блокирование
	ActErase                           // удаление
	ActDestroy                         // уничтожение
)

var actionNames = []name{
	{"unknown", "неизвестное действие"},
	{"collect", "сбор"},
	{"record", "запись"},
	{"systematize", "систематизация"},
	{"accumulate", "накопление"},
	{"store", "хранение"},
	{"update", "уточнение (обновление, изменение)"},
	{"extract", "извлечение"},
	{"use", "использование"},
	{"provide", "передача (предоставление)"},
	{"access", "передача (доступ)"},
	{"distribute", "передача (распространение)"},
	{"depersonalize", "обезличивание"},
	{"block", "блокирование"},
	{"erase", "удаление"},
	{"destroy", "уничтожение"},
}

// StandardActions returns the actions of policy 3.2 that a consent to
// processing usually lists: every one except distribution, which needs a
// consent of its own (152-FZ art. 10.1 part 1). The slice is new on each call.
func StandardActions() []Action {
	return []Action{ActCollect, ActRecord, ActSystematize, ActAccumulate, ActStore, ActUpdate, ActExtract, ActUse,
		ActProvide, ActAccess, ActDepersonalize, ActBlock, ActErase, ActDestroy}
}

// Valid reports whether a is a defined action.
func (a Action) Valid() bool { return a >= ActCollect && a <= ActDestroy }

// String returns the machine name ("collect").
func (a Action) String() string { return enumName(a, actionNames).id }

// Title returns the Russian name used in the consent form ("сбор").
func (a Action) Title() string { return enumName(a, actionNames).ru }

// MarshalText encodes the machine name.
func (a Action) MarshalText() ([]byte, error) { return []byte(a.String()), nil }

// UnmarshalText decodes a machine name; an unknown name is an error matching
// pdata.ErrInvalid.
func (a *Action) UnmarshalText(b []byte) error {
	v, err := parseEnum[Action](b, actionNames, "action", "action",
		"unknown action (see policy 3.2: collect, record, … destroy)", "неизвестное действие с персональными данными")
	if err == nil {
		*a = v
	}
	return err
}

// Method is the general description of the operator's processing methods
// (способы обработки) that a consent must give, 152-FZ art. 9 part 4 item 7.
// The seed policy uses Mixed (clause 3.2).
type Method uint8

// The processing methods.
const (
	Automated    Method = iota + 1 // автоматизированная обработка
	NonAutomated                   // неавтоматизированная обработка
	Mixed                          // смешанная обработка (policy 3.2)
)

var methodNames = []name{
	{"unknown", "способ обработки не указан"},
	{"automated", "автоматизированная обработка (с использованием средств автоматизации)"},
	{"non_automated", "неавтоматизированная обработка (без использования средств автоматизации)"},
	{"mixed", "смешанная обработка (с использованием средств автоматизации и без их использования)"},
}

// Valid reports whether m is a defined method.
func (m Method) Valid() bool { return m >= Automated && m <= Mixed }

// String returns the machine name ("mixed").
func (m Method) String() string { return enumName(m, methodNames).id }

// Title returns the Russian description used in the consent form.
func (m Method) Title() string { return enumName(m, methodNames).ru }

// MarshalText encodes the machine name.
func (m Method) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// UnmarshalText decodes a machine name; an unknown name is an error matching
// pdata.ErrInvalid.
func (m *Method) UnmarshalText(b []byte) error {
	v, err := parseEnum[Method](b, methodNames, "processing method", "method",
		"unknown processing method (want automated, non_automated or mixed)", "неизвестный способ обработки")
	if err == nil {
		*m = v
	}
	return err
}

// Form is the form the consent was given in.
type Form uint8

// The forms of a written consent (152-FZ art. 9 part 4: an electronic
// document signed with an electronic signature counts as a signed paper).
const (
	Paper      Form = iota + 1 // на бумажном носителе, signed by hand
	Electronic                 // в форме электронного документа, signed with an electronic signature
)

var formNames = []name{
	{"unknown", "форма не указана"},
	{"paper", "документ на бумажном носителе"},
	{"electronic", "электронный документ"},
}

// Valid reports whether f is a defined form.
func (f Form) Valid() bool { return f == Paper || f == Electronic }

// String returns the machine name ("paper").
func (f Form) String() string { return enumName(f, formNames).id }

// Title returns the Russian name.
func (f Form) Title() string { return enumName(f, formNames).ru }

// MarshalText encodes the machine name.
func (f Form) MarshalText() ([]byte, error) { return []byte(f.String()), nil }

// UnmarshalText decodes a machine name; an unknown name is an error matching
// pdata.ErrInvalid.
func (f *Form) UnmarshalText(b []byte) error {
	v, err := parseEnum[Form](b, formNames, "document form", "form",
		"unknown document form (want paper or electronic)", "неизвестная форма документа")
	if err == nil {
		*f = v
	}
	return err
}

// SignatureKind is how the subject (or representative) signed the consent,
// 152-FZ art. 9 part 4 item 9; for electronic signatures the kinds of 63-FZ
// «Об электронной подписи» art. 5.
type SignatureKind uint8

// The kinds of signature.
const (
	// Handwritten is a signature by hand on paper (собственноручная подпись).
	Handwritten SignatureKind = iota + 1
	// SimpleElectronic is a simple electronic signature (простая электронная
	// подпись): codes, passwords or other means that confirm who signed.
	SimpleElectronic
	// UnqualifiedElectronic is an enhanced unqualified electronic signature
	// (усиленная неквалифицированная электронная подпись).
	UnqualifiedElectronic
	// QualifiedElectronic is an enhanced qualified electronic signature
	// (усиленная квалифицированная электронная подпись) with a certificate
	// from an accredited certification centre.
	QualifiedElectronic
)

var signatureNames = []name{
	{"unknown", "подпись отсутствует"},
	{"handwritten", "собственноручная подпись"},
	{"simple", "простая электронная подпись"},
	{"unqualified", "усиленная неквалифицированная электронная подпись"},
	{"qualified", "усиленная квалифицированная электронная подпись"},
}

// Valid reports whether s is a defined kind.
func (s SignatureKind) Valid() bool { return s >= Handwritten && s <= QualifiedElectronic }

// Electronic reports whether s is one of the electronic signatures.
func (s SignatureKind) Electronic() bool { return s >= SimpleElectronic && s <= QualifiedElectronic }

// String returns the machine name ("qualified").
func (s SignatureKind) String() string { return enumName(s, signatureNames).id }

// Title returns the Russian name.
func (s SignatureKind) Title() string { return enumName(s, signatureNames).ru }

// MarshalText encodes the machine name.
func (s SignatureKind) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText decodes a machine name; an unknown name is an error matching
// pdata.ErrInvalid.
func (s *SignatureKind) UnmarshalText(b []byte) error {
	v, err := parseEnum[SignatureKind](b, signatureNames, "signature kind", "signature_kind",
		"unknown signature kind (want handwritten, simple, unqualified or qualified)", "неизвестный вид подписи")
	if err == nil {
		*s = v
	}
	return err
}

// TransferCondition is the condition a subject may set in a distribution
// consent on how the operator passes the data on (RKN order No. 18: only by
// its internal network, by public networks, or no transfer at all). The form
// records the subject's choice explicitly, including the choice of setting no
// condition.
type TransferCondition uint8

// The transfer conditions of a distribution consent.
const (
	// TransferFree: the subject sets no condition on transfer.
	TransferFree TransferCondition = iota + 1
	// TransferInternalNetwork: only through the operator's internal network,
	// with access for designated employees only.
	TransferInternalNetwork
	// TransferNetworks: through information and telecommunication networks.
	TransferNetworks
	// TransferForbidden: the data obtained may not be passed on.
	TransferForbidden
)

var transferNames = []name{
	{"unknown", "условия передачи не указаны"},
	{"free", "условия передачи не устанавливаю"},
	{"internal_network", "только по внутренней сети Оператора, обеспечивающей доступ к информации лишь для строго определённых сотрудников"},
	{"networks", "с использованием информационно-телекоммуникационных сетей"},
	{"forbidden", "без передачи полученных персональных данных"},
}

// Valid reports whether t is a defined condition.
func (t TransferCondition) Valid() bool { return t >= TransferFree && t <= TransferForbidden }

// String returns the machine name ("internal_network").
func (t TransferCondition) String() string { return enumName(t, transferNames).id }

// Title returns the Russian wording used in the form.
func (t TransferCondition) Title() string { return enumName(t, transferNames).ru }

// MarshalText encodes the machine name.
func (t TransferCondition) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// UnmarshalText decodes a machine name; an unknown name is an error matching
// pdata.ErrInvalid.
func (t *TransferCondition) UnmarshalText(b []byte) error {
	v, err := parseEnum[TransferCondition](b, transferNames, "transfer condition", "transfer_condition",
		"unknown transfer condition (want free, internal_network, networks or forbidden)", "неизвестное условие передачи")
	if err == nil {
		*t = v
	}
	return err
}

// OpKind is the kind of operation Decide is asked about.
type OpKind uint8

// The operations Decide judges.
const (
	// OpCollect: obtaining data (сбор), from the subject, from Rosreestr or
	// from a third party (Operation.Source).
	OpCollect OpKind = iota + 1
	// OpStore: recording and keeping data (запись, хранение).
	OpStore
	// OpUse: using data (использование).
	OpUse
	// OpTransfer: giving data to a named recipient (передача,
	// предоставление), policy 5.3.
	OpTransfer
	// OpDistribute: disclosing data to the public (распространение), such
	// as a debtor list on the operator's site, 152-FZ art. 10.1.
	OpDistribute
	// OpTransferAbroad: cross-border transfer (трансграничная передача),
	// which the seed policy rules out (clause 3.5).
	OpTransferAbroad
)

var opNames = []name{
	{"unknown", "неизвестная операция"},
	{"collect", "сбор"},
	{"store", "запись и хранение"},
	{"use", "использование"},
	{"transfer", "передача (предоставление) третьему лицу"},
	{"distribute", "распространение"},
	{"transfer_abroad", "трансграничная передача"},
}

// opActions are the actions a consent must list to cover each operation.
var opActions = [OpTransferAbroad + 1][]Action{
	OpCollect:    {ActCollect},
	OpStore:      {ActRecord, ActStore},
	OpUse:        {ActUse},
	OpTransfer:   {ActProvide},
	OpDistribute: {ActDistribute},
}

// Valid reports whether o is a defined operation.
func (o OpKind) Valid() bool { return o >= OpCollect && o <= OpTransferAbroad }

// Actions returns the actions of policy 3.2 a consent must list to cover the
// operation (nil for OpTransferAbroad, which no consent covers).
func (o OpKind) Actions() []Action {
	if !o.Valid() || int(o) >= len(opActions) {
		return nil
	}
	return append([]Action(nil), opActions[o]...)
}

// String returns the machine name ("transfer_abroad").
func (o OpKind) String() string { return enumName(o, opNames).id }

// Title returns the Russian name.
func (o OpKind) Title() string { return enumName(o, opNames).ru }

// MarshalText encodes the machine name.
func (o OpKind) MarshalText() ([]byte, error) { return []byte(o.String()), nil }

// UnmarshalText decodes a machine name; an unknown name is an error matching
// pdata.ErrInvalid.
func (o *OpKind) UnmarshalText(b []byte) error {
	v, err := parseEnum[OpKind](b, opNames, "operation", "operation",
		"unknown operation (want collect, store, use, transfer, distribute or transfer_abroad)", "неизвестная операция с персональными данными")
	if err == nil {
		*o = v
	}
	return err
}

// GroundKind is the kind of legal ground a permitted operation rests on
// (152-FZ art. 6 part 1).
type GroundKind uint8

// The grounds Decide can find.
const (
	// GroundConsent: the subject's consent on file (art. 6 part 1 item 1;
	// policy 3.3, 5.3, 6.1.2, or art. 10.1 for distribution).
	GroundConsent GroundKind = iota + 1
	// GroundPublicSource: the data come from Rosreestr, a public source
	// (policy 3.4).
	GroundPublicSource
	// GroundLaw: a basis the host configured as a LegalBasis (art. 6 part 1
	// items 2–11), such as a duty under the Housing Code.
	GroundLaw
	// GroundVitalInterests: a transfer needed to avert a threat to the
	// subject's life or health (policy 5.3; art. 6 part 1 item 6).
	GroundVitalInterests
)

var groundNames = []name{
	{"unknown", "основание не указано"},
	{"consent", "согласие субъекта персональных данных"},
	{"public_source", "получение из общедоступного источника (Росреестр)"},
	{"law", "обязанность или полномочие по федеральному закону"},
	{"vital_interests", "предупреждение угрозы жизни и здоровью субъекта"},
}

// Valid reports whether g is a defined ground.
func (g GroundKind) Valid() bool { return g >= GroundConsent && g <= GroundVitalInterests }

// String returns the machine name ("public_source").
func (g GroundKind) String() string { return enumName(g, groundNames).id }

// Title returns the Russian name.
func (g GroundKind) Title() string { return enumName(g, groundNames).ru }

// MarshalText encodes the machine name.
func (g GroundKind) MarshalText() ([]byte, error) { return []byte(g.String()), nil }

// UnmarshalText decodes a machine name; an unknown name is an error matching
// pdata.ErrInvalid.
func (g *GroundKind) UnmarshalText(b []byte) error {
	v, err := parseEnum[GroundKind](b, groundNames, "ground", "ground",
		"unknown ground (want consent, public_source, law or vital_interests)", "неизвестное правовое основание")
	if err == nil {
		*g = v
	}
	return err
}
