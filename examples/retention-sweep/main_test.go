package main

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The example runs with its defaults and prints every kind, a total that
// equals the sum of the groups, and the two broken records in Russian.
func TestRunDefaults(t *testing.T) {
	var out bytes.Buffer
	if err := run(nil, &out); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	for _, want := range []string{
		"по состоянию на 26.11.2026",
		"1. Приказы по личному составу",
		"10. Акты об уничтожении персональных данных",
		"Основание: 402-ФЗ ст. 29 ч. 1; Положение п. 3.6.2, 9.3",
		"САЙТ-00018: не указана дата сбора данных",
		"ЦЕЛЬ-00029: не указана дата достижения цели обработки",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	sum := 0
	for _, m := range regexp.MustCompile(`Подлежит уничтожению: (\d+),`).FindAllStringSubmatch(text, -1) {
		n, _ := strconv.Atoi(m[1])
		sum += n
	}
	total := regexp.MustCompile(`Итого подлежит уничтожению: (\d+),`).FindStringSubmatch(text)
	if total == nil || total[1] != strconv.Itoa(sum) || sum == 0 {
		t.Errorf("total %v does not equal the sum of the groups %d", total, sum)
	}

	var again bytes.Buffer
	if err := run(nil, &again); err != nil {
		t.Fatal(err)
	}
	if again.String() != text {
		t.Error("the same seed and date must give the same report")
	}
}

func TestRunRejectsBadFlags(t *testing.T) {
	for _, args := range [][]string{{"-asof", "31.02.2026"}, {"-n", "3"}, {"-bogus"}} {
		var out bytes.Buffer
		if err := run(args, &out); err == nil {
			t.Errorf("%v: no error", args)
		}
	}
}
