package requests

import (
	"github.com/pdnkit/pdnkit/pdata"
)

// basisNoIdentifiers: free text that staff or a requester type is stored in
// the request and its history and printed in notices; an identifier in full
// there is data in excess of what the text is for (152-FZ art. 5 part 5;
// policy 2.1), and would escape the masking the identifier types give.
var basisNoIdentifiers = pdata.Cite("152-ФЗ ст. 5 ч. 5", "2.1")

// freeText is one free-text field to check: its path, its Russian name and
// the text.
type freeText struct {
	field, ru, text string
}

// checkFreeText adds a problem for every field whose text holds an
// identifier in full (SNILS, INN, passport series and number, phone). The
// message names the field, never the text.
func checkFreeText(p *pdata.Problems, fields ...freeText) {
	for _, f := range fields {
		if pdata.HasIdentifier(f.text) {
			p.Add(f.field, "identifier_in_full", basisNoIdentifiers,
				f.field+" must not hold an identifier (SNILS, INN, passport or phone number) in full: the text is stored in the request's history and printed in notices; name the document without its number",
				"Поле «"+f.ru+"» не должно содержать полный номер документа или идентификатора (СНИЛС, ИНН, паспорт, телефон): текст хранится в истории обращения и печатается в уведомлениях; укажите документ без номера")
		}
	}
}

// freeTextErr is checkFreeText as an error (nil when every text is clean).
func freeTextErr(fields ...freeText) error {
	var p pdata.Problems
	checkFreeText(&p, fields...)
	return p.Err()
}
