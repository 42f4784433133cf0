// Package pdata is pdnkit's vocabulary: who the operator's data subjects
// are, what may be held about each, where it may come from, and the
// identifiers that Russian registries issue, validated the way those
// registries validate them. Every other pdnkit package speaks its words.
//
// # Subjects and data
//
// The operator's policy (Положение об обработке и защите персональных
// данных) names four categories of subjects (clause 2.3): Employee (2.3.1),
// Resident (2.3.2: owners and users of premises, their families and
// co-residents), Contractor (2.3.3) and SiteUser (2.3.4). Each may hold a
// fixed list of data categories (DataFullName, DataSNILS, DataPropertyRights,
// …). DefaultPolicy reproduces those lists exactly; Policy.Check is the
// minimisation check of clause 2.1 and returns every problem with a Subject
// at once as a *ValidationError. The special categories of 152-FZ art. 10
// and 11 (race, nationality, political views, beliefs, health, intimate life,
// biometrics) are refused whatever the policy says (clause 6.1.3).
//
// Every held category records its Source: the subject, Rosreestr (a public
// source: no consent needed, clause 3.4) or a third party (only with notice
// and written consent, clause 6.1.2).
//
// # Identifiers
//
// ParseSNILS, ParseINN, ParsePassport, ParsePhone, ParseEmail,
// ParseCadastral and ParseOGRN accept the usual written forms and check
// checksums. Their errors wrap ErrInvalid and say what is wrong in English
// and Russian without repeating the input.
//
// Identifiers never leak by accident: printed through fmt (any verb) or
// logged through log/slog they show at most their last digits. The full value
// needs an explicit call (Digits, E164, Address, Number) or comes from the
// JSON and SQL encodings meant for storage. A Subject prints as its ID,
// category and an initial only.
//
// Two limits to know. log/slog's JSONHandler encodes a value that is not a
// slog.LogValuer with encoding/json, which is the storage encoding: a host
// struct holding identifiers, logged as a whole, shows them in full — log the
// identifiers (or the Subject) themselves, or give the struct a LogValue
// method. And fmt cannot call methods on values in unexported struct fields:
// identifiers keep their value scrambled, so that such a field (or the %p
// verb) prints no digits, but a Subject's names and addresses there would
// print as they are — as they would through %p applied to a Subject value,
// a mistake go vet reports.
//
// # Errors and validation
//
// ErrInvalid, ErrNotFound, ErrConflict and ErrForbidden are shared by all
// pdnkit packages. Validation problems come as *ValidationError, a list of
// FieldError values each with its field path, rule, legal Basis, and
// messages in English (for developers) and Russian (for staff).
// Validator returns the one configured validator/v10 instance with pdnkit's
// tags and Russian texts; ValidateStruct turns its errors into a
// *ValidationError, reading the `ru`, `law` and `policy` struct tags.
//
// # Citations and the operator
//
// Basis is a citation of law and policy clause, printed in Russian
// ("152-ФЗ ст. 21 ч. 3; Положение п. 6.1.9"). Operator holds the operator's
// details and the time zone its legal dates fall in; Operator.DateOf turns a
// moment into that date.
package pdata
