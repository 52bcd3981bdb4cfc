package ner

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
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
