package destruction

import (
	"bufio"
	"io"
	"strings"
)

// RenderText writes the act as plain UTF-8 text in Russian: the approval
// block, the title, the facts of policy 9.13 and RKN order 179 п. 3, the
// commission, every item, the summary, the statements, a signature line per
// member and the SHA-256 digest (at the top and at the end). The same act
// always gives the same text.
func (a *Act) RenderText(w io.Writer) error {
	if err := a.renderable(w); err != nil {
		return err
	}
	v := a.buildView()
	bw := bufio.NewWriter(w)
	const indent = "                                                "
	line := func(parts ...string) {
		for _, p := range parts {
			bw.WriteString(p)
		}
		bw.WriteByte('\n')
	}
	line(indent, v.Confidential)
	line()
	line(indent, v.ApproveHead)
	line(indent, v.ApprovePosition)
	line(indent, "____________ ", v.ApproveName)
	line(indent, v.ApproveDate)
	line()
	line(v.Title)
	line(v.Subtitle)
	line()
	if v.Draft != "" {
		line(v.Draft)
		line()
	}
	line(v.DigestLine)
	line()
	for _, f := range v.Facts {
		line(f.Label, ": ", f.Value)
	}
	line()
	line("Состав комиссии (Положение пп. 9.2, 9.13):")
	for _, m := range v.Commission {
		line("  ", m.Role, ": ", m.Position, " ", m.Name)
	}
	line()
	line(v.Intro)
	line()
	for _, r := range v.Rows {
		line(r.N, ". ", r.Medium)
		line("   Субъекты ПДн: ", r.Subjects)
		line("   Категории ПДн: ", r.Categories)
		line("   Основание уничтожения: ", r.Ground)
		line("   Способ уничтожения: ", r.Method)
		line("   Наличие проверено: ", r.Checked)
		if r.Note != "" {
			line("   Отметка: ", r.Note)
		}
	}
	if len(v.Rows) == 0 {
		line("(носители не включены)")
	}
	line()
	line("Итого:")
	for _, f := range v.Summary {
		line("  ", f.Label, ": ", f.Value)
	}
	line()
	for _, s := range v.Statements {
		line(s)
		line()
	}
	line(v.SignTitle)
	for _, s := range v.Signers {
		signed := s.Signed
		if signed == "" {
			signed = "«___» ______________ 20___ г."
		}
		line("  ", s.Role, ", ", s.Position, "  ____________ ", s.Name, "  ", signed)
	}
	line()
	line(strings.Repeat("-", 72))
	line(v.DigestLine)
	return bw.Flush()
}
