package destruction

import (
	"errors"
	"fmt"

	"github.com/pdnkit/pdnkit/pdata"
)

// Sentinel errors shared with every pdnkit package (they are pdata's), so
// that errors.Is works whatever package or store returned the error.
var (
	// ErrInvalid marks input that breaks a rule. Every *pdata.ValidationError
	// matches it.
	ErrInvalid = pdata.ErrInvalid
	// ErrNotFound is returned by stores when a commission or act does not
	// exist.
	ErrNotFound = pdata.ErrNotFound
	// ErrConflict is returned by stores when an ID is taken or a write was
	// made against a stale version.
	ErrConflict = pdata.ErrConflict
	// ErrForbidden is returned when a person acts who may not take the step:
	// a signature by someone outside the commission (policy 9.8), media
	// sealed by someone other than the chair (9.9), approval by someone
	// other than the head of the operator (9.8, 9.12).
	ErrForbidden = pdata.ErrForbidden
)

// Errors of the act's lifecycle and seal.
var (
	// ErrState marks a step taken out of order: signing before every
	// medium was checked, approving before every member signed, recording
	// a destruction before the media were checked. Every *StateError
	// matches it.
	ErrState = errors.New("destruction: step out of order")
	// ErrSealed marks an attempt to change an act after it was sealed by
	// the first signature (policy 9.6: no corrections in an act). A sealed
	// act can only be superseded (Act.Supersede). ErrSealed errors also
	// match ErrState.
	ErrSealed = errors.New("destruction: the act is sealed and cannot be corrected")
	// ErrTampered is returned by Verify when an act's content no longer
	// matches the digest it was sealed with, or its signatures do not match
	// the seal. Every *TamperError matches it.
	ErrTampered = errors.New("destruction: act does not match its seal")
)

// StateError reports a lifecycle step that the act's state does not allow.
// It matches ErrState with errors.Is (and ErrSealed when the act is sealed
// and the step would change its content).
type StateError struct {
	// Act is the act's number.
	Act string
	// Step names the step attempted ("sign", "approve", "add items", …).
	Step string
	// State is the act's state when the step was attempted.
	State State
	// Reason says what is missing or wrong, in English.
	Reason string
	// ReasonRU says the same in Russian, for the staff member.
	ReasonRU string
	sealed   bool
}

// Error returns the English explanation.
func (e *StateError) Error() string {
	if e == nil {
		return ErrState.Error()
	}
	return fmt.Sprintf("destruction: act № %s: cannot %s in state %s: %s", e.Act, e.Step, e.State, e.Reason)
}

// Russian returns the explanation for staff.
func (e *StateError) Russian() string {
	if e == nil {
		return "Действие не соответствует состоянию акта"
	}
	return fmt.Sprintf("Акт № %s: %s (состояние акта: %s)", e.Act, e.ReasonRU, e.State.Title())
}

// Is makes errors.Is(err, ErrState) true, and errors.Is(err, ErrSealed)
// true for edits of a sealed act.
func (e *StateError) Is(target error) bool {
	return target == ErrState || (e != nil && e.sealed && target == ErrSealed)
}

// TamperError is returned by Verify when an act no longer matches its seal.
// It matches ErrTampered with errors.Is.
type TamperError struct {
	// Act is the act's number as the (possibly altered) content gives it.
	Act string
	// What says what does not match, in English.
	What string
	// Sealed is the digest the act was sealed with (hex SHA-256).
	Sealed string
	// Computed is the digest of the content as it is now.
	Computed string
}

// Error explains the mismatch.
func (e *TamperError) Error() string {
	if e == nil {
		return ErrTampered.Error()
	}
	if e.Computed == "" {
		return fmt.Sprintf("destruction: act № %s was altered after sealing: %s", e.Act, e.What)
	}
	return fmt.Sprintf("destruction: act № %s was altered after sealing: %s (sealed SHA-256 %s, content now hashes to %s)",
		e.Act, e.What, e.Sealed, e.Computed)
}

// Russian returns the explanation for staff.
func (e *TamperError) Russian() string {
	if e == nil {
		return "Акт изменён после подписания (Положение п. 9.6)"
	}
	return fmt.Sprintf("Акт № %s изменён после подписания: содержимое не совпадает с контрольной суммой (Положение п. 9.6)", e.Act)
}

// Unwrap makes errors.Is(err, ErrTampered) true.
func (e *TamperError) Unwrap() error { return ErrTampered }

// nilArg is the error for a nil receiver or argument: a programming error,
// reported as an error wrapping ErrInvalid instead of a panic. field names
// what is nil, en and ru say how to get a usable one.
func nilArg(field, en, ru string) error {
	var p pdata.Problems
	p.Add(field, "required", pdata.Basis{}, en, ru)
	return p.Err()
}

// errNilAct is returned by the methods of a nil *Act.
func errNilAct() error {
	return nilArg("Act", "the act is nil: build it with NewSelectionAct, NewDestructionAct or DecodeAct",
		"акт не создан (пустое значение): акт создаётся функциями NewSelectionAct, NewDestructionAct или DecodeAct")
}

// errNilWriter is returned by the renderers and writers given a nil
// io.Writer.
func errNilWriter() error {
	return nilArg("w", "the io.Writer to write to is nil", "не передано, куда записать документ (io.Writer)")
}

// errNilContext is returned for a nil context.Context.
func errNilContext() error {
	return nilArg("ctx", "the context is nil: pass context.Background() when there is none",
		"не передан контекст выполнения (context.Context)")
}
