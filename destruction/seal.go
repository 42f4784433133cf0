package destruction

import (
	"bytes"
	"errors"
	"strings"

	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"github.com/pdnkit/pdnkit/pdata"
	"io"
	"time"
)

// actFormat names the JSON encoding of an act; it is also hashed into the
// seal, so that a future encoding cannot collide with this one.
const actFormat = "pdnkit/destruction-act/v1"

// CanonicalContent returns the bytes the seal is computed over: the format
// name and a newline, then the content as compact JSON (fields in
// declaration order, categories by machine name, moments in UTC, no maps).
// The same content always gives the same bytes.
func (a *Act) CanonicalContent() ([]byte, error) {
	if a == nil {
		return nil, errNilAct()
	}
	body, err := json.Marshal(a.c)
	if err != nil {
		return nil, fmt.Errorf("destruction: encoding act content: %w", err)
	}
	return append([]byte(actFormat+"\n"), body...), nil
}

func (a *Act) computeDigest() string {
	b, err := a.CanonicalContent()
	if err != nil {
		// Content is built from validated values whose encoders cannot
		// fail; an error here means decoded content is broken, which
		// Verify reports. An empty digest never matches a seal.
		return ""
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// Verify checks that the act is what it was when sealed: its content hashes
// to the digest it was sealed with (policy 9.6), every signature and the
// approval were given on that digest, by members of the commission (each
// once) and by the head of the operator, and a sealed act had every item
// checked and its media sealed (selection) or its destruction recorded
// (destruction). The first mismatch is returned as a *TamperError
// (errors.Is(err, ErrTampered)). Then it checks the content the way the
// constructors and steps check their input (header, operator, commission,
// items, the recorded steps), so that an act read from JSON is as sound as
// one built in memory; problems come as a *pdata.ValidationError. An act
// not yet sealed verifies when it carries no signature or approval and its
// content is valid.
func (a *Act) Verify() error {
	if a == nil {
		return errNilAct()
	}
	tamper := func(what string) error { return &TamperError{Act: a.c.Number, What: what} }
	if a.digest == "" {
		if len(a.signatures) > 0 || a.approval != nil {
			return tamper("signatures are present but the act carries no seal")
		}
		return a.validateContent()
	}
	if got := a.computeDigest(); got != a.digest {
		return &TamperError{Act: a.c.Number, What: "the content does not hash to the sealed digest", Sealed: a.digest, Computed: got}
	}
	if len(a.signatures) == 0 {
		return tamper("a sealed act carries no signature")
	}
	for i, s := range a.signatures {
		if s.Digest != a.digest {
			return tamper(fmt.Sprintf("signature %d (%s) was given on another digest %s", i+1, s.Member.ShortName(), s.Digest))
		}
		if !a.c.Commission.Has(s.Member) {
			return tamper(fmt.Sprintf("signature %d is by %s, who is not on the commission", i+1, s.Member.ShortName()))
		}
		for _, t := range a.signatures[:i] {
			if sameOfficial(t.Member, s.Member) {
				return tamper(fmt.Sprintf("%s signed twice", s.Member.ShortName()))
			}
		}
		if s.At.IsZero() || s.At.Before(a.lastMoment()) {
			return tamper(fmt.Sprintf("signature %d is dated before the last step the act records", i+1))
		}
	}
	if !a.allChecked() {
		return tamper("a sealed act has an item not checked as present")
	}
	switch a.c.Kind {
	case SelectionAct:
		if a.c.MediaSeal == nil {
			return tamper("a sealed selection act does not record the media being sealed")
		}
	case DestructionAct:
		if a.c.Destruction == nil {
			return tamper("a sealed destruction act does not record the destruction")
		}
	default:
		return tamper("unknown kind of act")
	}
	if a.approval != nil {
		if len(a.signatures) < len(a.c.Commission.All()) {
			return tamper("the act is approved without every member's signature")
		}
		if a.approval.Digest != a.digest {
			return tamper("the approval was given on another digest " + a.approval.Digest)
		}
		if !sameOfficial(a.approval.By, a.c.Operator.Head) {
			return tamper("the approval is not by the head of the operator named in the act")
		}
	}
	return a.validateContent()
}

// validateContent checks content decoded from JSON against the rules its
// constructors and steps enforce.
func (a *Act) validateContent() error {
	c := &a.c
	var p pdata.Problems
	validateHeader(&p, Header{ID: c.ID, Number: c.Number, Date: c.Date, Place: c.Place})
	if err := c.Operator.Validate(); err != nil {
		p.AddError("Operator", basisOperator, err)
	}
	c.Commission.validate(&p, "Commission.")
	validateProcessors(&p, c.Processors)
	if r := c.Replaces; r != nil {
		noIdentifier(&p, "", "Replaces.Reason", r.Reason, "the reason for superseding the act", "Причина замены акта")
	}
	seen := make(map[string]bool, len(c.Items))
	for i, e := range c.Items {
		prefix := fmt.Sprintf("Items[%d].", i)
		e.Item.validate(&p, prefix, c.Date)
		if seen[e.Item.RecordID] {
			p.Add(prefix+"RecordID", "duplicate_item", basisSelection, "record listed twice", "Запись включена в акт дважды")
		}
		seen[e.Item.RecordID] = true
		if !e.Checked.IsZero() && a.dateOf(e.Checked) < c.Date && c.Replaces == nil {
			p.Add(prefix+"Checked", "before_act", basisCheck, "checked before the act was drawn up", "Проверка наличия носителя предшествует составлению акта")
		}
		a.lateStep(&p, prefix, "Checked", basisCheck, e.Checked)
	}
	if s := c.MediaSeal; s != nil {
		a.lateStep(&p, "", "MediaSeal.At", basisMediaSealed, s.At)
	}
	if d := c.Destruction; d != nil {
		a.lateStep(&p, "", "Destruction.At", basisActFields, d.At)
	}
	for i, s := range a.signatures {
		a.lateStep(&p, fmt.Sprintf("Signatures[%d]", i), ".At", basisSigning, s.At)
	}
	if ap := a.approval; ap != nil {
		a.lateStep(&p, "", "Approval.At", basisApproval, ap.At)
	}
	bad := func(field, en, ru string) { p.Add(field, "inconsistent", basisActFields, en, ru) }
	switch c.Kind {
	case SelectionAct:
		if c.Destruction != nil || c.Selection != nil {
			bad("Destruction", "a selection act records no destruction", "Акт об отборе не содержит сведений об уничтожении")
		}
		if c.MediaSeal != nil && (!sameOfficial(c.MediaSeal.By, c.Commission.Chair) || !a.allChecked()) {
			bad("MediaSeal", "the media are sealed by the chair after every check", "Носители опечатывает председатель комиссии после проверки всех носителей")
		}
	case DestructionAct:
		if c.MediaSeal != nil || c.Selection == nil {
			bad("Selection", "a destruction act names its selection act and seals no media", "Акт об уничтожении ссылается на акт об отборе")
		}
		if d := c.Destruction; d != nil {
			noIdentifier(&p, "", "Destruction.Place", d.Place, "the place of destruction", "Место уничтожения")
			switch {
			case d.At.IsZero() || strings.TrimSpace(d.Place) == "" || !a.allChecked():
				bad("Destruction", "the destruction needs its moment and place, after every check", "Уничтожение должно содержать дату, время и место и следовать за проверкой носителей")
			case len(d.Present) != len(c.Commission.All()):
				bad("Destruction.Present", "every member of the commission, and only they, are present", "При уничтожении присутствуют все члены комиссии")
			}
			for _, o := range d.Present {
				if !c.Commission.Has(o) {
					bad("Destruction.Present", "someone present is not on the commission", "Присутствовавший не входит в комиссию")
				}
			}
		}
	}
	return p.Err()
}

// actJSON is the stored form of an act.
type actJSON struct {
	Format     string      `json:"format"`
	Content    Content     `json:"content"`
	Digest     string      `json:"digest,omitempty"`
	Signatures []Signature `json:"signatures,omitempty"`
	Approval   *Approval   `json:"approval,omitempty"`
}

// MarshalJSON encodes the whole act — content, seal, signatures and
// approval — for storage and exchange. DecodeAct reads it back.
func (a *Act) MarshalJSON() ([]byte, error) {
	if a == nil {
		return nil, errNilAct()
	}
	return json.Marshal(actJSON{Format: actFormat, Content: a.c, Digest: a.digest, Signatures: a.signatures, Approval: a.approval})
}

// UnmarshalJSON decodes an act's structure without checking its seal: call
// Verify (or use DecodeAct) before trusting it. A key the act does not have,
// in the act or any item, is refused with a *pdata.ValidationError naming
// it (wrapped; it matches ErrInvalid).
func (a *Act) UnmarshalJSON(b []byte) error {
	if a == nil {
		return errNilAct()
	}
	var j actJSON
	if err := decodeStrict(b, &j, "an act", "в акте"); err != nil {
		var ve *pdata.ValidationError
		if errors.As(err, &ve) {
			// An unknown key (in the act or in one of its items) or data
			// after the act: English and Russian, naming the key.
			return fmt.Errorf("destruction: decoding act: %w", err)
		}
		return fmt.Errorf("%w: decoding act: %v", ErrInvalid, err)
	}
	if j.Format != actFormat {
		return fmt.Errorf("%w: decoding act: format %q, want %q", ErrInvalid, j.Format, actFormat)
	}
	if !j.Content.Kind.Valid() {
		return fmt.Errorf("%w: decoding act: unknown kind", ErrInvalid)
	}
	if j.Content.Zone == "" || j.Content.Zone == "Local" {
		return fmt.Errorf("%w: decoding act: no time zone", ErrInvalid)
	}
	loc, err := time.LoadLocation(j.Content.Zone)
	if err != nil {
		return fmt.Errorf("%w: decoding act: time zone %q: %v", ErrInvalid, j.Content.Zone, err)
	}
	j.Content.Operator.Location = loc
	if j.Content.Items == nil {
		j.Content.Items = []Entry{}
	}
	*a = Act{c: j.Content, loc: loc, digest: j.Digest, signatures: j.Signatures, approval: j.Approval}
	return nil
}

// DecodeAct reads an act written by MarshalJSON (or WriteJSON) and verifies
// it: a malformed document is an error wrapping ErrInvalid, an altered one a
// *TamperError wrapping ErrTampered.
func DecodeAct(data []byte) (*Act, error) {
	a := new(Act)
	if err := a.UnmarshalJSON(data); err != nil {
		return nil, err
	}
	if err := a.Verify(); err != nil {
		return nil, err
	}
	return a, nil
}

// WriteJSON writes the act as indented JSON, the same document MarshalJSON
// encodes.
func (a *Act) WriteJSON(w io.Writer) error {
	if w == nil {
		return errNilWriter()
	}
	b, err := a.MarshalJSON()
	if err != nil {
		return err
	}
	var out bytes.Buffer
	if err := json.Indent(&out, b, "", "  "); err != nil {
		return err
	}
	out.WriteByte('\n')
	_, err = w.Write(out.Bytes())
	return err
}
