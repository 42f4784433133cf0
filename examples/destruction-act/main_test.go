package main

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The example writes the five documents, says where, and writes the same
// bytes on every run.
func TestRunWritesTheDocuments(t *testing.T) {
	dir := t.TempDir()
	var out bytes.Buffer
	if err := run([]string{"-out", dir}, &out); err != nil {
		t.Fatal(err)
	}
	report := out.String()
	for _, want := range []string{"Акт об отборе № 1-О: утверждён", "Акт об уничтожении № 1-У: утверждён", "Выгрузка из журнала:"} {
		if !strings.Contains(report, want) {
			t.Errorf("output lacks %q:\n%s", want, report)
		}
	}
	first := map[string][]byte{}
	for _, f := range files {
		path := filepath.Join(dir, f.name)
		if !strings.Contains(report, "Записано: "+path) {
			t.Errorf("output does not say it wrote %s", path)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if len(b) == 0 {
			t.Errorf("%s is empty", f.name)
		}
		first[f.name] = b
	}
	for _, name := range []string{"selection.docx", "act.docx"} {
		zr, err := zip.NewReader(bytes.NewReader(first[name]), int64(len(first[name])))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		found := false
		for _, f := range zr.File {
			found = found || f.Name == "word/document.xml"
		}
		if !found {
			t.Errorf("%s has no word/document.xml", name)
		}
	}
	act := string(first["act.txt"])
	for _, want := range []string{"АКТ № 1-У", "Соколов Дмитрий Алексеевич", "Дата уничтожения (п. 3 «к»): 21.01.2025", "«Жилищный учёт»"} {
		if !strings.Contains(act, want) {
			t.Errorf("act.txt lacks %q", want)
		}
	}
	if !bytes.HasPrefix(first["extract.csv"], []byte("\ufeff")) {
		t.Error("extract.csv lacks the UTF-8 byte order mark")
	}
	if strings.Count(string(first["extract.csv"]), "\r\n") < 2 {
		t.Error("extract.csv has no lines for the information systems")
	}

	dir2 := t.TempDir()
	if err := run([]string{"-out", dir2}, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join(dir2, f.name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(b, first[f.name]) {
			t.Errorf("%s differs between two runs with the same flags", f.name)
		}
	}
}

func TestRunRejectsBadFlags(t *testing.T) {
	for _, args := range [][]string{{"-asof", "31.02.2025"}, {"-n", "3"}, {"-bogus"}} {
		if err := run(append(args, "-out", t.TempDir()), &bytes.Buffer{}); err == nil {
			t.Errorf("%v: no error", args)
		}
	}
}
