package main

import (
	"bytes"
	"strings"
	"testing"
)

// TestRun runs the walkthrough and checks the four answers it must give.
func TestRun(t *testing.T) {
	var b bytes.Buffer
	if err := run(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"Subject.Document.Issuer: не указан орган, выдавший документ",
		"Полностью заполненное согласие: ошибок нет.",
		"СОГЛАСИЕ\nна обработку персональных данных",
		"1. Хранить ФИО, сведения о собственности и телефон в CRM\nРазрешено.",
		"Decision.Basis: 152-ФЗ ст. 6 ч. 1 п. 1; ст. 9; Положение п. 3.3",
		"2. Передать данные в расчётный центр для начисления платы\nРазрешено.",
		"Decision.Basis: 152-ФЗ ст. 6 ч. 1 п. 1; ст. 9; Положение п. 5.3",
		"3. Опубликовать в списке должников на сайте\nЗапрещено.",
		"Decision.Basis: 152-ФЗ ст. 10.1; Положение п. 8.2",
		"4. Отправить данные за рубеж (облачный сервис рассылок)\nЗапрещено.",
		"Decision.Basis: 152-ФЗ ст. 12; Положение п. 3.5",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
}
