// Package entity defines the entities belner finds in a document: their
// types, their spans and the evidence that supports them.
package entity

import (
	"fmt"
	"slices"
	"unicode"
)

// Type names a kind of entity, as listed in ANNOTATION.md.
type Type string

// The entity types, as in ANNOTATION.md.
const (
	Person       Type = "PERSON"
	Address      Type = "ADDRESS"
	Organization Type = "ORGANIZATION"
	Location     Type = "LOCATION"

	INSZ         Type = "INSZ"
	KBO          Type = "KBO"
	KBOUnit      Type = "KBO_UNIT"
	IBAN         Type = "IBAN"
	BIC          Type = "BIC"
	Date         Type = "DATE"
	Phone        Type = "PHONE"
	Email        Type = "EMAIL"
	URL          Type = "URL"
	OGM          Type = "OGM"
	EIDCard      Type = "EID_CARD"
	LicensePlate Type = "LICENSE_PLATE"
)

// Types returns every entity type, the model's first, then the patterns'.
func Types() []Type {
	return []Type{
		Person, Address, Organization, Location,
		INSZ, KBO, KBOUnit, IBAN, BIC, Date, Phone, Email, URL, OGM, EIDCard, LicensePlate,
	}
}

// ParseType returns the Type named s, or an error naming the known types.
func ParseType(s string) (Type, error) {
	for _, t := range Types() {
		if string(t) == s {
			return t, nil
		}
	}
	return "", fmt.Errorf("unknown entity type %q (known types: %v)", s, Types())
}

// An Entity is a span of a document recognised as one Type.
//
// Start and End are Unicode code-point offsets into the decoded document,
// End exclusive.
type Entity struct {
	Type       Type
	Start, End int
	// Score is the recogniser's confidence, in [0, 1].
	Score float64
	// Recognizer names what found the entity ("insz", "iban", "model").
	Recognizer string
	// Validated reports that the span passed a check that rules out chance:
	// a checksum, or the grammar of an e-mail address or URL. The merge
	// prefers validated spans.
	Validated bool
	// Exact reports that a pattern fixed the span's boundaries, as it does
	// for every identifier, date or address of mail. A model's spans are
	// not exact: where one runs into an exact span, the merge cuts it back.
	Exact bool
	// Explanation says why the entity was found.
	Explanation Explanation
}

// Len returns the number of code points the entity spans.
func (e Entity) Len() int { return e.End - e.Start }

// Overlaps reports whether e and o share at least one code point.
func (e Entity) Overlaps(o Entity) bool { return e.Start < o.End && o.Start < e.End }

// Explanation is the evidence behind an entity.
type Explanation struct {
	// Pattern names the pattern that matched, for pattern recognisers.
	Pattern string `json:"pattern,omitempty"`
	// Checksum describes the checksum that the span passed, if it has one.
	Checksum string `json:"checksum,omitempty"`
	// ContextWord is the word near the span that raised its score.
	ContextWord string `json:"context_word,omitempty"`
	// BaseScore is the score before any context word raised it.
	BaseScore float64 `json:"base_score"`
	// Notes records anything else that changed the score.
	Notes []string `json:"notes,omitempty"`
}

// Nameable reports whether text could be the name of a person, place or
// organisation, or an address: it holds a capital letter or a digit. What
// a model proposes without one is a common word.
func Nameable(text []rune) bool {
	return slices.ContainsFunc(text, func(r rune) bool { return unicode.IsUpper(r) || unicode.IsDigit(r) })
}
