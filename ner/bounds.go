package ner

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/belner/belner/entity"
)

// wholeWords widens each entity to the whole hyphenated name it starts or
// ends in ("Ham-sur-Heure", "H.-J. Zimmermann", "Sint-Katelijne-Waver"),
// up to the farthest part that starts with a capital, so "RSZ-nummer"
// stays "RSZ": ANNOTATION.md spans begin and end with a word. A PERSON
// takes in the particles and initials before it ("H. Kühn", "Ph. Van
// Hamme"; not "M.", which is mostly Monsieur), never ends with a particle
// ("Dylan Van Gestel") and, in capitals, takes in the first name after it
// ("SCHOLZEN Erwin"); an ORGANIZATION takes in the legal form
// after it ("Rigaux & Bernard SC") and then the name before it ("Tiefbau
// Meessen & Söhne GmbH"). An entity that the widened one now overlaps goes
// (the "Waver" LOCATION, the "H" PERSON). The recipe's whole_words does the same.
func wholeWords(text []rune, es []entity.Entity) []entity.Entity {
	for i, e := range es {
		s, end := hyphenStart(text, e.Start), hyphenEnd(text, e.End)
		switch e.Type {
		case entity.Person:
			s, end = initialsStart(text, particlesStart(text, s)), afterParticle(text, s, end)
			if k := firstNameAfter(text, s, end); !placeIn(es, end, k) {
				end = k
			}
		case entity.Organization:
			end = afterLegalForm(text, end)
			s = legalNameStart(text, s, end)
		}
		es[i].Start, es[i].End = s, end
	}
	return dropOverlaps(es)
}

// legalForms are the legal forms of Belgian, French, German and Dutch
// companies and associations: ANNOTATION.md puts them in the
// organisation's span.
var legalForms = []string{"NV", "N.V.", "SA", "S.A.", "BV", "B.V.", "SRL", "SPRL", "SPRLU", "BVBA", "EBVBA", "CVBA", "SCRL",
	"SE", "CV", "SC", "VOF", "CommV", "SComm", "SNC", "SCS", "AV", "vzw", "VZW", "v.z.w.", "ivzw", "asbl",
	"ASBL", "a.s.b.l.", "aisbl", "VoG", "VOG", "V.o.G.", "GmbH", "PGmbH", "AG", "KG", "OFP", "bv", "nv",
	"sa", "srl"}

// afterLegalForm returns the end of an ORGANIZATION once the legal form
// one space after it is in; a full stop after a form that does not end in
// one stays out.
func afterLegalForm(text []rune, e int) int {
	if e >= len(text) || text[e] != ' ' {
		return e
	}
	k := e + 1
	for k < len(text) && (unicode.IsLetter(text[k]) || text[k] == '.') {
		k++
	}
	form := string(text[e+1 : k])
	switch {
	case slices.Contains(legalForms, form):
		return k
	case strings.HasSuffix(form, ".") && slices.Contains(legalForms, strings.TrimSuffix(form, ".")):
		return k - 1
	}
	return e
}

// phraseWords begin a phrase, not a company's name ("bij", "die
// Firma"): an ORGANIZATION does not grow back over them.
var phraseWords = []string{"De", "Het", "Een", "Le", "La", "L", "Un", "Une", "Die", "Der", "Das", "Den", "Dem", "Ein", "Eine",
	"Firma", "Société", "Bedrijf", "Bij", "Van", "Voor", "Aan", "Met", "Op", "In", "Pour", "Par", "Chez",
	"Au", "À", "Bei", "Von", "Mit", "Für", "Im"}

// legalNameStart returns where an ORGANIZATION that ends with its legal
// form starts once the capitalised words before it on its line are in
// ("Résidence Les Hêtres ASBL", "Tiefbau Meessen & Söhne GmbH"): up to
// three, none in capitals (a heading) nor one of phraseWords.
func legalNameStart(text []rune, s, e int) int {
	words := strings.Fields(string(text[s:e]))
	if len(words) == 0 || !slices.Contains(legalForms, words[len(words)-1]) {
		return s
	}
	for range 3 {
		j := spacedWordBefore(text, s)
		if j < 0 {
			break
		}
		w := text[j : s-1]
		if len(w) == 0 || !unicode.IsUpper(w[0]) || len(w) > 1 && inCapitals(w) ||
			slices.Contains(phraseWords, string(w)) || j > 0 && text[j-1] != ' ' && text[j-1] != '\t' {
			break
		}
		s = j
	}
	return s
}

// spacedWordBefore returns where the word (letters, hyphens and
// apostrophes) that ends one space before s starts, or -1 when no space
// is there.
func spacedWordBefore(text []rune, s int) int {
	if s < 2 || text[s-1] != ' ' {
		return -1
	}
	j := s - 1
	for j > 0 && (unicode.IsLetter(text[j-1]) || strings.ContainsRune("-'’", text[j-1])) {
		j--
	}
	return j
}

// inCapitals reports whether w has capitals and no lower-case letter, as
// Python's str.isupper.
func inCapitals(w []rune) bool {
	return !slices.ContainsFunc(w, unicode.IsLower) && slices.ContainsFunc(w, unicode.IsUpper)
}

// nameParticles are the particles of surnames ("Van de Vooren", "du
// Gorp", "von Arnim", "El Hamdaoui").
var nameParticles = []string{"van", "de", "der", "den", "du", "le", "la", "von", "vom", "ter", "ten", "vander", "vanden",
	"di", "da", "del", "dos", "el", "al", "zu"}

// afterParticle returns the end of a PERSON that ends with a particle,
// once the capitalised word after it is in.
func afterParticle(text []rune, s, e int) int {
	w := e
	for w > s && text[w-1] != ' ' {
		w--
	}
	if !slices.Contains(nameParticles, strings.ToLower(string(text[w:e]))) || e+1 >= len(text) ||
		text[e] != ' ' || !unicode.IsUpper(text[e+1]) {
		return e
	}
	e++
	for e < len(text) && (unicode.IsLetter(text[e]) || strings.ContainsRune("-'’", text[e])) {
		e++
	}
	return e
}

// placeIn reports whether an ADDRESS or LOCATION of es overlaps
// text[s:e]: a street or town there is no first name.
func placeIn(es []entity.Entity, s, e int) bool {
	return slices.ContainsFunc(es, func(x entity.Entity) bool {
		return (x.Type == entity.Address || x.Type == entity.Location) && x.Start < e && x.End > s
	})
}

// firstNameAfter returns the end of a PERSON in capitals once the first
// name in title case one space after it is in ("SCHOLZEN Erwin", "EL
// AMRANI Yassine"): forms write the surname first, and the model often
// takes the surname alone.
func firstNameAfter(text []rune, s, e int) int {
	if !capitals(text[s:e]) || e >= len(text) || text[e] != ' ' {
		return e
	}
	k := e + 1
	for k < len(text) && (unicode.IsLetter(text[k]) || text[k] == '-' && k+1 < len(text) && unicode.IsUpper(text[k+1])) {
		k++
	}
	if k-e-1 < 2 || k < len(text) && (unicode.IsDigit(text[k]) || text[k] == '\'' || text[k] == '’') {
		return e
	}
	for p := range strings.SplitSeq(string(text[e+1:k]), "-") {
		if !titleCase([]rune(p)) {
			return e
		}
	}
	return k
}

// capitals reports whether name is words of two letters or more written
// in capitals ("EL AMRANI", not "J" or "Peeters").
func capitals(name []rune) bool {
	for w := range strings.FieldsSeq(string(name)) {
		if len([]rune(w)) < 2 {
			return false
		}
	}
	return slices.ContainsFunc(name, unicode.IsUpper) && !slices.ContainsFunc(name, unicode.IsLower)
}

// titleCase reports whether w is a capital and lower-case letters ("Erwin").
func titleCase(w []rune) bool {
	return len(w) >= 2 && unicode.IsUpper(w[0]) && !slices.ContainsFunc(w[1:], func(c rune) bool { return !unicode.IsLower(c) })
}

// wordBefore returns where the word of letters that ends at k starts.
func wordBefore(text []rune, k int) int {
	for k > 0 && unicode.IsLetter(text[k-1]) {
		k--
	}
	return k
}

// particlesStart returns where a PERSON starts once the particles just
// before it are in ("Ph. Van Hamme", "Van der Linden"): up to three, the
// first of them title-case ("in de" is text, "VAN HET" a heading).
func particlesStart(text []rune, s int) int {
	start, k := s, s
	for range 3 {
		if k < 2 || text[k-1] != ' ' {
			break
		}
		j := wordBefore(text, k-1)
		w := text[j : k-1]
		if !slices.Contains(nameParticles, strings.ToLower(string(w))) {
			break
		}
		k = j
		if titleCase(w) {
			start = j
		}
	}
	return start
}

// longInitials are initials of more than one letter ("Ph. Van Hamme",
// "Chr. Dupont").
var longInitials = []string{"Ph", "Th", "Ch", "Chr", "Cl"}

// initial reports whether w is an initial without its full stop: one
// capital ("J") or one of longInitials.
func initial(w []rune) bool {
	return len(w) == 1 && unicode.IsUpper(w[0]) || slices.Contains(longInitials, string(w))
}

// initialsStart returns where a PERSON starts once the initials before it
// are in (not "M.", mostly Monsieur), also where a tokenised text prints
// their full stops apart ("J . A . van der Burgh").
func initialsStart(text []rune, s int) int {
	for s >= 3 && text[s-1] == ' ' && text[s-2] == '.' {
		k := s - 2
		if text[s-3] == ' ' {
			k = s - 3
		}
		j := wordBefore(text, k)
		w := text[j:k]
		if string(w) == "M" || !initial(w) {
			break
		}
		s = j
	}
	return s
}

func hyphenEnd(text []rune, e int) int {
	end, j := e, e
	for j+1 < len(text) && text[j] == '-' && unicode.IsLetter(text[j+1]) {
		k := j + 1
		for k < len(text) && unicode.IsLetter(text[k]) {
			k++
		}
		if unicode.IsUpper(text[j+1]) {
			end = k
		}
		j = k
	}
	return end
}

func hyphenStart(text []rune, s int) int {
	start, j := s, s
	for j >= 2 && text[j-1] == '-' {
		k := j - 1
		if text[k-1] == '.' { // "H.-J."
			k--
		}
		i := k
		for i > 0 && unicode.IsLetter(text[i-1]) {
			i--
		}
		if i == k {
			break
		}
		if unicode.IsUpper(text[i]) {
			start = i
		}
		j = i
	}
	return start
}

// dropOverlaps puts es in text order without overlaps: an entity that
// overlaps an earlier (or longer) one goes, or lengthens it when both have
// one type.
func dropOverlaps(es []entity.Entity) []entity.Entity {
	slices.SortStableFunc(es, func(a, b entity.Entity) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return b.End - a.End
	})
	out := es[:0]
	for _, e := range es {
		if n := len(out); n > 0 && e.Start < out[n-1].End {
			if e.Type == out[n-1].Type && e.End > out[n-1].End {
				out[n-1].End = e.End
				out[n-1].Score = min(out[n-1].Score, e.Score)
				out[n-1].Explanation.BaseScore = out[n-1].Score
			}
			continue
		}
		out = append(out, e)
	}
	return out
}

// boundAddresses sets the bounds of each ADDRESS where ANNOTATION.md puts
// them and the small model often misses: it begins and ends on a line with
// a number (no name, building or country line), its street name is whole
// ("Van Langendonckstraat", a notarial "2000 Antwerpen, "), and a final
// postcode or box word is followed by what it names ("3945 Ham", "Bus R").
// Without a number and a letter it is no address. A country line that it
// loses is a LOCATION; a LOCATION that it grows over goes ("1000 Brussel,
// Keizerslaan 7"). The recipe's bound_addresses does the same.
func boundAddresses(text []rune, es []entity.Entity) []entity.Entity {
	es = slices.DeleteFunc(es, func(e entity.Entity) bool { return noAddress(text, e) })
	out := make([]entity.Entity, 0, len(es))
	for i, e := range es {
		if e.Type != entity.Address {
			out = append(out, e)
			continue
		}
		cs, ce, country := countryLine(text, e.Start, e.End)
		s, end := digitLines(text, e.Start, e.End)
		s = afterWordyPart(text, s, end)
		s = afterArticle(text, s, end)
		out = offTheLine(text, out, s)
		lo := lastEnd(out)
		e.Start = streetTypeStart(text, streetStart(text, s, lo), lo)
		e.End = addressEnd(text, end, nextStart(es[i+1:], len(text)))
		e.End = municipalityEnd(text, e.Start, e.End)
		out = append(out, e)
		if country && cs >= e.End {
			e.Type, e.Start, e.End = entity.Location, cs, ce
			out = append(out, e)
		}
	}
	return dropOverlaps(out)
}

// noAddress reports whether e is no address where the model said it is,
// or a street name where it said place: ANNOTATION.md wants a number and a
// letter in an ADDRESS, and a street is not a LOCATION.
func noAddress(text []rune, e entity.Entity) bool {
	s := text[e.Start:e.End]
	switch e.Type {
	case entity.Address:
		return !hasDigit(s) || !slices.ContainsFunc(s, unicode.IsLetter)
	case entity.Location:
		return streetName(string(s))
	}
	return false
}

// streetSuffixes end street names ("Kerkstraat", "Brusselsesteenweg",
// "Hauptstraße"), as the recipe's STREET_SUFFIXES.
var streetSuffixes = []string{"straat", "steenweg", "laan", "lei", "plein", "markt", "dreef", "vest", "kaai", "weg", "baan",
	"singel", "straße", "strasse", "gasse", "platz"}

// streetHeads begin street names ("Rue Haute", "Avenue Louise"), as the
// recipe's STREET_HEADS.
var streetHeads = []string{"rue", "avenue", "chaussée", "boulevard", "chemin", "quai", "place", "allée", "impasse", "square"}

func streetName(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 {
		return false
	}
	last := strings.ToLower(words[len(words)-1])
	if slices.ContainsFunc(streetSuffixes, func(x string) bool { return strings.HasSuffix(last, x) }) {
		return true
	}
	return len(words) > 1 && slices.Contains(streetHeads, strings.ToLower(words[0]))
}

// articles are the articles that running text puts before a street name
// ("in de Kerkstraat").
var articles = []string{"de", "het", "la", "le", "der", "den", "die"}

// afterArticle returns where an ADDRESS starts once a lower-case article
// before its street name is left out ("in de Kerkstraat 56"), unless the
// article begins its line: an address starts with its street.
func afterArticle(text []rune, s, e int) int {
	if s == 0 || text[s-1] == '\n' {
		return s
	}
	for _, a := range articles {
		k := s + len(a)
		if k+1 < e && string(text[s:k]) == a && text[k] == ' ' && unicode.IsUpper(text[k+1]) {
			return k + 1
		}
	}
	return s
}

// municipalityEnd returns where an ADDRESS ends when running text follows
// its municipality on its last line ("9300 Aalst en van het", "4860
// Pepinster, titulaire"): after the capitalised words that follow its last
// postcode, if a lower-case word comes next and no digit after it.
func municipalityEnd(text []rune, s, e int) int {
	ls := lineStart(text, e, s)
	k := e
	for k > ls && !(k-ls >= 4 && postcodeBefore(text, k) && (k == len(text) || !alnum(text[k]))) {
		k--
	}
	if k == ls || hasDigit(text[k:e]) {
		return e
	}
	end := k
	for end+1 < e && text[end] == ' ' && unicode.IsUpper(text[end+1]) {
		end = wordEnd(text, end+1, e)
	}
	rest := end
	for rest < e && strings.ContainsRune(" ,;", text[rest]) {
		rest++
	}
	if end == k || rest == end || rest == e || !unicode.IsLower(text[rest]) {
		return e
	}
	return end
}

// lastEnd returns where the last entity of out that is not a LOCATION
// ends, or 0: an address grows back over a place, not over a name. The
// entities of out are in text order and do not overlap.
func lastEnd(out []entity.Entity) int {
	for i := len(out) - 1; i >= 0; i-- {
		if out[i].Type != entity.Location {
			return out[i].End
		}
	}
	return 0
}

// lineStart returns where the line holding text[i] starts, but not before
// lo.
func lineStart(text []rune, i, lo int) int {
	for i > lo && text[i-1] != '\n' {
		i--
	}
	return i
}

// trimSpace returns a and b moved past the white space at the ends of
// text[a:b].
func trimSpace(text []rune, a, b int) (int, int) {
	for a < b && unicode.IsSpace(text[a]) {
		a++
	}
	for b > a && unicode.IsSpace(text[b-1]) {
		b--
	}
	return a, b
}

// offTheLine cuts the last of out at its last line break when it runs onto
// the line where the ADDRESS at s starts ("DE ZUSJE BV\nKRUISBOOG…"): a
// name and an address are on lines of their own.
func offTheLine(text []rune, out []entity.Entity, s int) []entity.Entity {
	n := len(out)
	if n == 0 {
		return out
	}
	ls := lineStart(text, s, 0)
	prev := &out[n-1]
	if !(prev.Start < ls && ls <= prev.End) {
		return out
	}
	cut := ls - 1
	for cut > prev.Start && unicode.IsSpace(text[cut-1]) {
		cut--
	}
	if cut == prev.Start {
		return out[:n-1]
	}
	prev.End = cut
	return out
}

// countryLine returns the bounds of the last line of the ADDRESS text[s:e]
// when it is a whole line of one or two capitalised words without a
// number (a country: "NEDERLAND", "France").
func countryLine(text []rune, s, e int) (int, int, bool) {
	ls := lineStart(text, e, s)
	if ls == s {
		return 0, 0, false
	}
	le := e
	for le < len(text) && text[le] != '\n' {
		le++
	}
	a, b := trimSpace(text, ls, le)
	words := strings.Fields(string(text[a:b]))
	if e < b || len(words) < 1 || len(words) > 2 {
		return 0, 0, false
	}
	for _, w := range words {
		r := []rune(w)
		if !unicode.IsUpper(r[0]) || slices.ContainsFunc(r, func(c rune) bool {
			return !unicode.IsLetter(c) && !strings.ContainsRune("-'’", c)
		}) {
			return 0, 0, false
		}
	}
	return a, b, true
}

// nextStart returns where the first entity of es that is not a LOCATION
// starts, or n: the limit of an address's growth, since the municipality
// after a postcode is part of the address.
func nextStart(es []entity.Entity, n int) int {
	for _, e := range es {
		if e.Type != entity.Location {
			return e.Start
		}
	}
	return n
}

// digitLines returns the lines of text[s:e] from the first to the last
// with a digit, trimmed; s and e when the span is one line or no line has
// a digit.
func digitLines(text []rune, s, e int) (int, int) {
	first, last := -1, -1
	for ls := s; ls <= e; {
		le := ls
		for le < e && text[le] != '\n' {
			le++
		}
		if hasDigit(text[ls:le]) {
			if first < 0 {
				first = ls
			}
			last = le
		}
		ls = le + 1
	}
	if first < 0 || !slices.Contains(text[s:e], '\n') {
		return s, e
	}
	return trimSpace(text, first, last)
}

func hasDigit(s []rune) bool {
	return slices.ContainsFunc(s, asciiDigit)
}

func asciiDigit(c rune) bool { return c >= '0' && c <= '9' }

// afterWordyPart returns where an ADDRESS starts once a first part without
// a number, up to a comma on its first line, is left out ("Dienst
// Mobiliteit, Limburgplein 1"): an address starts with its street and
// number or, in notarial order, its postcode.
func afterWordyPart(text []rune, s, e int) int {
	k := s
	for k < e && text[k] != ',' && text[k] != '\n' {
		k++
	}
	if k == e || text[k] != ',' || hasDigit(text[s:k]) || !hasDigit(text[k:e]) {
		return s
	}
	k++
	for k < e && unicode.IsSpace(text[k]) {
		k++
	}
	return k
}

// streetParticles are the lower-case words inside street names ("Rue de
// l'Abattoir", "Marcel Van der Aastraat", "An der Steinbruch").
var streetParticles = []string{"van", "de", "der", "den", "het", "ten", "ter", "te", "op", "du", "des", "la", "le", "les",
	"von", "vom", "zum", "zur", "am", "an", "auf", "im", "in", "aux", "au", "sur", "sous",
	"et", "en", "d'", "l'", "d’", "l’"}

// notarialBefore matches the "postcode municipality, " of an address in
// notarial order, just before its street.
var notarialBefore = regexp.MustCompile(`(?:B-)?[0-9]{4} \pL[^0-9\n,;:]*, $`)

// streetStart returns where an ADDRESS starts with the words of its street
// name that the model left out: up to three capitalised words or particles
// between it and the line start or a label ("Adresse:", a tab), or a comma
// when it starts with the house number; or the "postcode municipality, "
// of a notarial address. Never before lo, the end of the entity before it,
// nor when it starts with a postcode.
func streetStart(text []rune, s, lo int) int {
	ls := lineStart(text, s, lo)
	before := string(text[ls:s])
	if loc := notarialBefore.FindStringIndex(before); loc != nil {
		return ls + len([]rune(before[:loc[0]]))
	}
	digits := digitsAt(text, s)
	if digits > 3 { // a postcode first: notarial order, nothing before it
		return s
	}
	seg := []rune(before)
	k := -1
	for i, c := range seg {
		if strings.ContainsRune(":\t,;", c) {
			k = i
		}
	}
	if k >= 0 && (seg[k] == ',' || seg[k] == ';') && digits == 0 {
		return s
	}
	seg = seg[k+1:]
	words := strings.Fields(string(seg))
	if len(words) == 0 || len(words) > 3 || !strings.ContainsRune(" .'’", seg[len(seg)-1]) ||
		!unicode.IsUpper([]rune(words[0])[0]) {
		return s
	}
	for _, w := range words {
		if !slices.Contains(streetParticles, strings.ToLower(w)) && !nameWord([]rune(w)) {
			return s
		}
	}
	lead := 0
	for unicode.IsSpace(seg[lead]) {
		lead++
	}
	return ls + k + 1 + lead
}

// streetTypeStart returns where an ADDRESS that starts with a street type
// ("Steenweg 280", "Markt 1") starts once the capitalised words of its
// name before it are in ("Gistelse Steenweg", "Grote Markt"): up to two,
// one space apart, never before lo.
func streetTypeStart(text []rune, s, lo int) int {
	k := s
	for k < len(text) && text[k] != ' ' {
		k++
	}
	if !slices.Contains(streetSuffixes, strings.ToLower(string(text[s:k]))) {
		return s
	}
	for range 2 {
		j := spacedWordBefore(text, s)
		if j < 0 || j < lo || j == s-1 || !unicode.IsUpper(text[j]) || j > 0 && !strings.ContainsRune(" \t\n", text[j-1]) {
			break
		}
		s = j
	}
	return s
}

// digitsAt returns how many digits text[s:] starts with: one to three for
// a house number, four for a postcode.
func digitsAt(text []rune, s int) int {
	n := 0
	for s+n < len(text) && asciiDigit(text[s+n]) {
		n++
	}
	return n
}

// nameWord reports whether w is a capitalised word of letters, full stops,
// hyphens and apostrophes, maybe after d' or l'.
func nameWord(w []rune) bool {
	if len(w) > 2 && strings.ContainsRune("dlDL", w[0]) && (w[1] == '\'' || w[1] == '’') {
		w = w[2:]
	}
	if !unicode.IsUpper(w[0]) {
		return false
	}
	for _, c := range w {
		if !unicode.IsLetter(c) && !strings.ContainsRune(".-'’", c) {
			return false
		}
	}
	return true
}

// boxWords introduce a box number ("bus 3", "Bus R", "bte 4").
var boxWords = []string{"bus", "boîte", "boite", "bte", "bt", "b.", "box"}

// addressEnd returns where an ADDRESS ends once the word after a final
// postcode (the municipality: "3945 Ham", "1000 La Hulpe") or box word
// ("Bus R") is in; never past its line or hi, the start of the next entity.
func addressEnd(text []rune, e, hi int) int {
	for i := e; i < hi; i++ {
		if text[i] == '\n' {
			hi = i
		}
	}
	if e+1 >= hi || text[e] != ' ' {
		return e
	}
	if postcodeBefore(text, e) && unicode.IsUpper(text[e+1]) {
		end := wordEnd(text, e+1, hi)
		switch string(text[e+1 : end]) {
		case "La", "Le", "Les", "De", "Den":
			if end+1 < hi && text[end] == ' ' && unicode.IsUpper(text[end+1]) {
				end = wordEnd(text, end+1, hi)
			}
		}
		return end
	}
	if boxWordBefore(text, e) && alnum(text[e+1]) {
		end := e + 1
		for end < hi && alnum(text[end]) {
			end++
		}
		return end
	}
	return e
}

func alnum(c rune) bool { return unicode.IsLetter(c) || unicode.IsDigit(c) }

// postcodeBefore reports whether text[:e] ends in four digits after a
// space, comma, dash or the text's start ("9000", "B-4700").
func postcodeBefore(text []rune, e int) bool {
	if e < 4 || slices.ContainsFunc(text[e-4:e], func(c rune) bool { return !asciiDigit(c) }) {
		return false
	}
	return e == 4 || strings.ContainsRune(" \t\n,–-", text[e-5])
}

func boxWordBefore(text []rune, e int) bool {
	for _, w := range boxWords {
		n := len([]rune(w))
		if e >= n && strings.ToLower(string(text[e-n:e])) == w && (e == n || unicode.IsSpace(text[e-n-1])) {
			return true
		}
	}
	return false
}

// wordEnd returns the end of the word at i: letters and apostrophes, on
// through hyphens ("Ham-sur-Heure").
func wordEnd(text []rune, i, hi int) int {
	for i < hi && (unicode.IsLetter(text[i]) || text[i] == '\'' || text[i] == '’' ||
		(text[i] == '-' && i+1 < hi && unicode.IsLetter(text[i+1]))) {
		i++
	}
	return i
}
