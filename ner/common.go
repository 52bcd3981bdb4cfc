package ner

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"github.com/belner/belner/entity"
)

// CommonWordsFile lists, one per line in lower case, the common words that
// a model span may not be on its own (models/train/common_words.py makes
// it): headings and form labels the model takes for names ("Feiten",
// "Copie", "BAIL"). First names, surnames and places are not in it.
const CommonWordsFile = "common_words.txt"

// minCommonWord is the length of the shortest common word dropped: shorter
// words are initials and acronyms ("J", "CM"). The recipe's
// common_words.MIN_LEN.
const minCommonWord = 3

// CommonWords is a model's set of common words, in lower case.
type CommonWords map[string]bool

// LoadCommonWords reads dir/CommonWordsFile; a model without the file has
// none.
func LoadCommonWords(dir string) (CommonWords, error) {
	words, err := readSet(dir, CommonWordsFile)
	return CommonWords(words), err
}

// readSet returns the set of the non-blank lines of dir/name, trimmed;
// nil if there is no such file.
func readSet(dir, name string) (map[string]bool, error) {
	f, err := os.Open(filepath.Join(dir, name))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	set := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" {
			set[l] = true
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return set, nil
}

// drop returns es without the PERSON, ORGANIZATION and LOCATION entities
// that are one common word and nothing else, as the recipe's
// nerdata.drop_common_words: a common word inside a longer name stays
// ("Mutualité chrétienne").
func (c CommonWords) drop(text []rune, es []entity.Entity) []entity.Entity {
	if len(c) == 0 {
		return es
	}
	kept := es[:0]
	for _, e := range es {
		if s := text[e.Start:e.End]; e.Type == entity.Address || len(s) < minCommonWord || !oneWord(s) ||
			!c[strings.ToLower(string(s))] {
			kept = append(kept, e)
		}
	}
	return kept
}

// trim cuts the common and function words off the start of each PERSON
// while two words or more remain, the first capitalised ("Cultuur Bert
// Anciaux", "PATIENTE SYLVIANE FONTAINE", "Dossier Frank Hussain"), as the
// recipe's nerdata.trim_common_words. Particles stay ("De Prins", "Des
// Jaumotte", "Op de Toor"). With one word left the first may be a surname
// written in front ("VIS Esmée", "Levert Annie"), so it stays too.
func (c CommonWords) trim(text []rune, es []entity.Entity) []entity.Entity {
	for i, e := range es {
		if e.Type == entity.Person {
			es[i].Start = c.nameStart(text, e.Start, e.End)
		}
	}
	return es
}

// particleWords are particles that are common words as well; trim keeps
// them.
var particleWords = []string{"des", "op"}

func (c CommonWords) nameStart(text []rune, a, b int) int {
	for {
		w := wordSpans(text[a:b])
		if len(w) == 0 || w[0][0] != 0 {
			return a
		}
		e := a + w[0][1]
		if e+1 >= b || text[e] != ' ' || !unicode.IsUpper(text[e+1]) || len(strings.Fields(string(text[e+1:b]))) < 2 {
			return a
		}
		lower := strings.ToLower(string(text[a:e]))
		if slices.Contains(nameParticles, lower) || slices.Contains(particleWords, lower) ||
			(!c[lower] && !slices.Contains(functionWords, lower)) {
			return a
		}
		a = e + 1
	}
}

// wordJoiners join the parts of one word ("l'administration",
// "Sint-Niklaas").
const wordJoiners = "'’-"

// oneWord reports whether s is one word as wordSpans finds them.
func oneWord(s []rune) bool {
	w := wordSpans(s)
	return len(w) == 1 && w[0] == [2]int{0, len(s)}
}

// wordRune reports whether r belongs to a word: a letter, or a numeric
// character that is no decimal digit (as Python's [^\W\d_]).
func wordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.In(r, unicode.Nl, unicode.No)
}
