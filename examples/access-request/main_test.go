package main

import (
	"bytes"
	"strings"
	"testing"
)

// The example runs and prints the deadlines worked out by hand: received on
// Friday 20.02.2026, 10 working days end on 10.03.2026 (23.02 and 09.03 are
// days off), 15 on 17.03.2026 (152-FZ art. 14 part 3; policy 6.1.4).
func TestRun(t *testing.T) {
	var b bytes.Buffer
	if err := run(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"Получено: пятница, 20.02.2026 16:40",
		"Срок ответа: до 10.03.2026 включительно (10 рабочих дней с 20.02.2026; 152-ФЗ ст. 14 ч. 3; ст. 20 ч. 1; Положение п. 6.1.4, 7.1)",
		"Рабочие дни срока: 24.02, 25.02, 26.02, 27.02, 02.03, 03.03, 04.03, 05.03, 06.03, 10.03.",
		"Новый срок: до 17.03.2026 включительно (15 рабочих дней",
		"отзыв согласия на обработку персональных данных:           до 22.03.2026 (30 календарных дней",
		"сведения предоставлены: 16.03.2026 11:30 (в срок, до 17.03.2026)",
		"1. Оператор подтверждает, что обрабатывает ваши персональные данные",
		"СНИЛС: 112-233-445 95",
		"площадь 54,3 кв. м", // a decimal comma in a Russian document
		"Просроченных обращений на 18.03.2026: 0.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if strings.Contains(out, "54.3") {
		t.Error("the area is printed with a decimal point, not a comma")
	}
	for _, other := range []string{"Игорь", "Зайцев", "123-456-789 64", "987-654-321 83", "res-2", "res-3"} {
		if strings.Contains(out, other) {
			t.Errorf("the report shows a household member's data: %q", other)
		}
	}
}
