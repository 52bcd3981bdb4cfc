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
	f, err := os.Open(filepath.Join(dir, CommonWordsFile))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	words := CommonWords{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if w := strings.TrimSpace(sc.Text()); w != "" {
			words[w] = true
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", CommonWordsFile, err)
	}
	return words, nil
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

// oneWord reports whether s is letters, with single apostrophes or hyphens
// between them ("l'administration", "Sint-Niklaas"), as the recipe's
// common_words.WORD matches it.
func oneWord(s []rune) bool {
	for i, r := range s {
		if unicode.IsLetter(r) {
			continue
		}
		if !strings.ContainsRune("'’-", r) || i == 0 || i == len(s)-1 || !unicode.IsLetter(s[i-1]) {
			return false
		}
	}
	return true
}
