package pdata_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/pdnkit/pdnkit/pdata"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBasisString(t *testing.T) {
	tests := []struct {
		b    pdata.Basis
		want string
	}{
		{pdata.Cite("152-ФЗ ст. 21 ч. 3", "6.1.9"), "152-ФЗ ст. 21 ч. 3; Положение п. 6.1.9"},
		{pdata.Cite("152-ФЗ ст. 21 ч. 3", ""), "152-ФЗ ст. 21 ч. 3"},
		{pdata.Cite("", "6.1.9"), "Положение п. 6.1.9"},
		{pdata.Cite("", ""), ""},
		{pdata.Basis{}, ""},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, tc.b.String())
		assert.Equal(t, tc.want == "", tc.b.IsZero())
	}
	assert.Equal(t, pdata.Basis{Law: "152-ФЗ ст. 5 ч. 5", Policy: "2.1"}, pdata.Cite("152-ФЗ ст. 5 ч. 5", "2.1"))
}

func TestBasisJoin(t *testing.T) {
	tests := []struct {
		name string
		a, b pdata.Basis
		want pdata.Basis
	}{
		{"two provisions and two clauses", pdata.Cite("152-ФЗ ст. 21 ч. 3", "6.1.9"), pdata.Cite("152-ФЗ ст. 20 ч. 1", "9.1"),
			pdata.Cite("152-ФЗ ст. 21 ч. 3; 152-ФЗ ст. 20 ч. 1", "6.1.9, 9.1")},
		{"the same citation", pdata.Cite("152-ФЗ ст. 21 ч. 3", "6.1.9"), pdata.Cite("152-ФЗ ст. 21 ч. 3", "6.1.9"),
			pdata.Cite("152-ФЗ ст. 21 ч. 3", "6.1.9")},
		{"with nothing", pdata.Cite("152-ФЗ ст. 21 ч. 3", "6.1.9"), pdata.Basis{}, pdata.Cite("152-ФЗ ст. 21 ч. 3", "6.1.9")},
		{"nothing with something", pdata.Basis{}, pdata.Cite("", "3.4"), pdata.Cite("", "3.4")},
		{"law only and policy only", pdata.Cite("152-ФЗ ст. 14 ч. 7 п. 5", "2.1"), pdata.Cite("", "3.4"),
			pdata.Cite("152-ФЗ ст. 14 ч. 7 п. 5", "2.1, 3.4")},
		// A clause already inside a joined list is not repeated (it was:
		// "2.1, 3.4, 3.4").
		{"clause already in a list", pdata.Cite("", "2.1, 3.4"), pdata.Cite("", "3.4"), pdata.Cite("", "2.1, 3.4")},
		{"clause list written with semicolons", pdata.Cite("", "6.1.9; 9.1"), pdata.Cite("", "9.1, 9.3"), pdata.Cite("", "6.1.9; 9.1, 9.3")},
		{"provision already in a list", pdata.Cite("152-ФЗ ст. 9 ч. 4; ст. 18 ч. 3", ""), pdata.Cite("ст. 18 ч. 3", ""),
			pdata.Cite("152-ФЗ ст. 9 ч. 4; ст. 18 ч. 3", "")},
		{"list joined to its first part", pdata.Cite("152-ФЗ ст. 9 ч. 4", ""), pdata.Cite("152-ФЗ ст. 9 ч. 4; ст. 18 ч. 3", ""),
			pdata.Cite("152-ФЗ ст. 9 ч. 4; ст. 18 ч. 3", "")},
		// A comma inside a provision of law is part of it, not a separator.
		{"comma inside a provision", pdata.Cite("152-ФЗ ст. 9 ч. 4 п. 1, 3", ""), pdata.Cite("Приказ РКН № 179 п. 8", ""),
			pdata.Cite("152-ФЗ ст. 9 ч. 4 п. 1, 3; Приказ РКН № 179 п. 8", "")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.a.Join(tc.b))
		})
	}
	// Joining is idempotent: a.Join(b).Join(b) == a.Join(b).
	for _, tc := range tests {
		j := tc.a.Join(tc.b)
		assert.Equal(t, j, j.Join(tc.b), tc.name)
		assert.Equal(t, j, j.Join(j), tc.name)
	}
}

// Europe/Samara is UTC+4 all year (no daylight saving since 2011). A request
// sent at 23:30 Moscow time (UTC+3) on Friday 20.11.2026 arrives at 00:30 on
// Saturday 21.11.2026 in Samara: that is its date for the operator.
func TestOperatorDateOf(t *testing.T) {
	op := pdata.SampleOperator()
	require.Equal(t, "Europe/Samara", op.Zone().String())
	moscow, err := time.LoadLocation("Europe/Moscow")
	require.NoError(t, err)

	tests := []struct {
		name string
		at   time.Time
		want date.Date
	}{
		{"23:30 Moscow is 00:30 next day in Samara", time.Date(2026, 11, 20, 23, 30, 0, 0, moscow), date.New(2026, 11, 21)},
		{"19:59:59 UTC is 23:59:59 in Samara", time.Date(2026, 11, 20, 19, 59, 59, 0, time.UTC), date.New(2026, 11, 20)},
		{"20:00:00 UTC is midnight in Samara", time.Date(2026, 11, 20, 20, 0, 0, 0, time.UTC), date.New(2026, 11, 21)},
		{"00:30 Samara on 1 January", time.Date(2026, 12, 31, 20, 30, 0, 0, time.UTC), date.New(2027, 1, 1)},
		{"a moment given in Samara", time.Date(2026, 11, 20, 0, 0, 0, 0, op.Zone()), date.New(2026, 11, 20)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, op.DateOf(tc.at))
		})
	}
	assert.Equal(t, time.Saturday, op.DateOf(tests[0].at).Weekday())

	// Without a Location the operator's dates are Moscow dates: 20:30 UTC is
	// 23:30 in Moscow, still the 20th.
	var noZone pdata.Operator
	assert.Equal(t, "Europe/Moscow", noZone.Zone().String())
	assert.Equal(t, date.New(2026, 11, 20), noZone.DateOf(time.Date(2026, 11, 20, 20, 30, 0, 0, time.UTC)))
	assert.Equal(t, date.New(2026, 11, 21), noZone.DateOf(time.Date(2026, 11, 20, 21, 0, 0, 0, time.UTC)))
}

func TestOperatorValidate(t *testing.T) {
	op := pdata.SampleOperator()
	require.NoError(t, op.Validate())
	assert.Equal(t, "6381012349", op.INN.Digits())
	assert.Equal(t, "1026303456783", op.OGRN.Digits())
	assert.Equal(t, "Сидоров П. И.", op.Head.ShortName())
	assert.Equal(t, "Сидоров Пётр Ильич", op.Head.FullName())

	ve := requireProblems(t, pdata.Operator{}.Validate())
	var fields []string
	for _, fe := range ve.Errors {
		fields = append(fields, fe.Field)
		assert.Equal(t, "required", fe.Rule)
	}
	assert.Equal(t, []string{"Name", "Address", "INN", "OGRN", "Head"}, fields)
	fe, _ := ve.Field("Head")
	assert.Equal(t, "3.8", fe.Basis.Policy)
	fe, _ = ve.Field("INN")
	assert.Equal(t, "1.2", fe.Basis.Policy)
}

func TestShortName(t *testing.T) {
	tests := []struct{ last, first, patronymic, want string }{
		{"Кузнецова", "Анна", "Сергеевна", "Кузнецова А. С."},
		{"Кузнецова", "Анна", "", "Кузнецова А."},
		{"Кузнецова", "", "", "Кузнецова"},
		{"", "Анна", "Сергеевна", "А. С."}, // no leading space
		{"", "", "", ""},
		{"Ёлкин", "Ёжи", "Юрьевич", "Ёлкин Ё. Ю."},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, pdata.ShortName(tc.last, tc.first, tc.patronymic))
	}
	s := pdata.Subject{LastName: "Кузнецова", FirstName: "Анна"}
	assert.Equal(t, "Кузнецова Анна", s.FullName())
	assert.Equal(t, "Кузнецова А.", s.ShortName())
}

func TestSubjectCategories(t *testing.T) {
	want := []struct {
		c             pdata.SubjectCategory
		id, clause    string
		titleContains string
	}{
		{pdata.Employee, "employee", "2.3.1", "работник"},
		{pdata.Resident, "resident", "2.3.2", "собственник"},
		{pdata.Contractor, "contractor", "2.3.3", "гражданско-правового"},
		{pdata.SiteUser, "site_user", "2.3.4", "пользователь сайта"},
	}
	require.Equal(t, len(want), len(pdata.SubjectCategories()))
	for i, w := range want {
		c := pdata.SubjectCategories()[i]
		assert.Equal(t, w.c, c)
		assert.True(t, c.Valid())
		assert.Equal(t, w.id, c.String())
		assert.Equal(t, w.clause, c.Clause())
		assert.Contains(t, c.Title(), w.titleContains)
		assert.Equal(t, pdata.Cite("152-ФЗ ст. 5 ч. 5", w.clause), c.Basis())
	}
	for _, bad := range []pdata.SubjectCategory{0, 5, 255} {
		assert.False(t, bad.Valid())
		assert.Equal(t, "unknown", bad.String())
		assert.Equal(t, "", bad.Clause())
		assert.True(t, hasCyrillic(bad.Title()))
	}
}

func TestDataCategories(t *testing.T) {
	ordinary := pdata.DataCategories()
	assert.Len(t, ordinary, 19, "policy 2.3 names 19 categories")
	special := pdata.SpecialCategories()
	assert.Len(t, special, 7, "art. 10 part 1 (six) and art. 11 (biometrics)")
	seen := map[string]bool{}
	for _, c := range append(append([]pdata.DataCategory{}, ordinary...), special...) {
		assert.True(t, c.Valid(), c.String())
		assert.NotEqual(t, "unknown", c.String())
		assert.False(t, seen[c.String()], "duplicate name %s", c)
		seen[c.String()] = true
		assert.True(t, hasCyrillic(c.Title()), c.String())
		assert.Less(t, int(c), 64, "fits a CategorySet")
	}
	for _, c := range ordinary {
		assert.False(t, c.Special(), c.String())
	}
	for _, c := range special {
		assert.True(t, c.Special(), c.String())
		assert.Equal(t, "6.1.3", c.SpecialBasis().Policy)
	}
	assert.Equal(t, pdata.Cite("152-ФЗ ст. 11", "6.1.3"), pdata.DataBiometric.SpecialBasis())
	assert.Equal(t, pdata.Cite("152-ФЗ ст. 10 ч. 1", "6.1.3"), pdata.DataHealth.SpecialBasis())
	for _, bad := range []pdata.DataCategory{0, 20, 56, 64, 255} {
		assert.False(t, bad.Valid())
		assert.False(t, bad.Special())
		assert.Equal(t, "unknown", bad.String())
	}
}

func TestCategorySet(t *testing.T) {
	s := pdata.SetOf(pdata.DataSNILS, pdata.DataFullName, pdata.DataHealth, pdata.DataSNILS)
	assert.Equal(t, 3, s.Len())
	assert.Equal(t, []pdata.DataCategory{pdata.DataFullName, pdata.DataSNILS, pdata.DataHealth}, s.Slice())
	assert.True(t, s.Has(pdata.DataSNILS))
	assert.False(t, s.Has(pdata.DataINN))
	assert.Equal(t, "фамилия, имя, отчество; СНИЛС; состояние здоровья", s.Titles())
	assert.Equal(t, pdata.SetOf(pdata.DataFullName, pdata.DataHealth), s.Minus(pdata.SetOf(pdata.DataSNILS, pdata.DataINN)))
	assert.False(t, s.HasUnknown())
	assert.Equal(t, 0, pdata.CategorySet(0).Len())
	assert.Empty(t, pdata.CategorySet(0).Slice())
	assert.Equal(t, "", pdata.CategorySet(0).Titles())

	// Categories outside 1–63 become the unknown element: never mistaken for
	// a real one (65 used to be DataFullName, 121 DataRace), never lost.
	for _, odd := range []pdata.DataCategory{0, 64, 65, 121, 255} {
		u := pdata.SetOf(odd)
		assert.True(t, u.HasUnknown(), "%d", odd)
		assert.False(t, u.Has(odd), "%d", odd)
		assert.Equal(t, []pdata.DataCategory{0}, u.Slice(), "%d", odd)
		for _, c := range append(pdata.DataCategories(), pdata.SpecialCategories()...) {
			assert.False(t, u.Has(c), "%d aliases %s", odd, c)
		}
	}
	mixed := pdata.SetOf(65, pdata.DataPhone)
	assert.Equal(t, []pdata.DataCategory{0, pdata.DataPhone}, mixed.Slice())
	assert.Equal(t, 2, mixed.Len())
	assert.Equal(t, "неизвестная категория данных; контактный телефон", mixed.Titles())
}

// Held lists exactly the categories of the filled fields and of Other's
// keys; SetSource records sources and chains.
func TestSubjectHeldAndSetSource(t *testing.T) {
	for _, c := range pdata.DataCategories() {
		var s pdata.Subject
		assert.Equal(t, pdata.CategorySet(0), s.Held())
		fill(t, &s, c)
		assert.Equal(t, pdata.SetOf(c), s.Held(), c.String())
	}
	s := pdata.Subject{Patronymic: "Сергеевна", Other: map[pdata.DataCategory]string{pdata.DataHealth: "", pdata.DataINN: "x"}}
	assert.Equal(t, pdata.SetOf(pdata.DataFullName, pdata.DataHealth, pdata.DataINN), s.Held(), "an Other key counts even when its value is empty")

	var r pdata.Subject
	r.SetSource(pdata.FromSubject, pdata.DataPhone).SetSource(pdata.FromRosreestr, pdata.DataFullName, pdata.DataPropertyRights)
	assert.Equal(t, map[pdata.DataCategory]pdata.Source{pdata.DataPhone: pdata.FromSubject,
		pdata.DataFullName: pdata.FromRosreestr, pdata.DataPropertyRights: pdata.FromRosreestr}, r.Sources)
	r.SetSource(pdata.FromSubject)
	assert.Len(t, r.Sources, 3, "no categories, no change")
}

func TestSexAndRightTitles(t *testing.T) {
	assert.Equal(t, "мужской", pdata.Male.Title())
	assert.Equal(t, "женский", pdata.Female.Title())
	assert.Equal(t, "", pdata.SexUnknown.Title())
	assert.Equal(t, "право собственности", pdata.Ownership.Title())
	assert.Equal(t, "право пользования", pdata.Use.Title())
	assert.Equal(t, "", pdata.RightKind(0).Title())
}

func TestTextMarshalling(t *testing.T) {
	t.Run("subject categories", func(t *testing.T) {
		for _, c := range append(pdata.SubjectCategories(), 0) {
			b, err := c.MarshalText()
			require.NoError(t, err)
			var back pdata.SubjectCategory = 99
			require.NoError(t, back.UnmarshalText(b))
			assert.Equal(t, c, back)
		}
		_, err := pdata.SubjectCategory(9).MarshalText()
		assert.ErrorIs(t, err, pdata.ErrInvalid, "an undefined category is not stored as a name that cannot be read back")
		var c pdata.SubjectCategory
		assert.ErrorIs(t, c.UnmarshalText([]byte("unknown")), pdata.ErrInvalid)
		assert.ErrorIs(t, c.UnmarshalText([]byte("Resident")), pdata.ErrInvalid)
	})
	t.Run("data categories", func(t *testing.T) {
		for _, c := range append(append(pdata.DataCategories(), pdata.SpecialCategories()...), 0) {
			b, err := c.MarshalText()
			require.NoError(t, err)
			var back pdata.DataCategory = 99
			require.NoError(t, back.UnmarshalText(b))
			assert.Equal(t, c, back)
		}
		for _, bad := range []pdata.DataCategory{20, 65} {
			_, err := bad.MarshalText()
			assert.ErrorIs(t, err, pdata.ErrInvalid)
		}
		var c pdata.DataCategory
		assert.ErrorIs(t, c.UnmarshalText([]byte("unknown")), pdata.ErrInvalid)
	})
	t.Run("sources", func(t *testing.T) {
		for _, s := range []pdata.Source{pdata.FromSubject, pdata.FromRosreestr, pdata.FromThirdParty, 0} {
			b, err := s.MarshalText()
			require.NoError(t, err)
			var back pdata.Source = 99
			require.NoError(t, back.UnmarshalText(b))
			assert.Equal(t, s, back)
			if s != 0 {
				assert.True(t, s.Valid())
				assert.True(t, hasCyrillic(s.Title()))
			}
		}
		_, err := pdata.Source(7).MarshalText()
		assert.ErrorIs(t, err, pdata.ErrInvalid)
		var s pdata.Source
		assert.ErrorIs(t, s.UnmarshalText([]byte("neighbour")), pdata.ErrInvalid)
	})
	t.Run("as JSON map keys and values", func(t *testing.T) {
		in := map[pdata.DataCategory]pdata.Source{pdata.DataSNILS: pdata.FromSubject, pdata.DataPropertyRights: pdata.FromRosreestr}
		b, err := json.Marshal(in)
		require.NoError(t, err)
		assert.JSONEq(t, `{"snils":"subject","property_rights":"rosreestr"}`, string(b))
		var back map[pdata.DataCategory]pdata.Source
		require.NoError(t, json.Unmarshal(b, &back))
		assert.Equal(t, in, back)

		// An undefined key fails loudly instead of becoming "unknown".
		// (encoding/json does not wrap a map key's error: match its text.)
		_, err = json.Marshal(map[pdata.DataCategory]string{65: "x"})
		require.Error(t, err)
		assert.Contains(t, err.Error(), "unknown data category")
	})
}
