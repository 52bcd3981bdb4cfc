package recognizers

// digits returns the ASCII digits of s, dropping separators.
func digits(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= '0' && c <= '9' {
			b = append(b, c)
		}
	}
	return string(b)
}

// mod97 returns the number written by the ASCII digits ds modulo 97. It
// works digit by digit, so ds may be longer than an int holds (an IBAN).
func mod97(ds string) int {
	r := 0
	for i := 0; i < len(ds); i++ {
		r = (r*10 + int(ds[i]-'0')) % 97
	}
	return r
}

// atoi returns the value of the ASCII digits ds.
func atoi(ds string) int {
	n := 0
	for i := 0; i < len(ds); i++ {
		n = n*10 + int(ds[i]-'0')
	}
	return n
}

// mod97Check reports whether the last two digits of ds equal the rest
// modulo 97, written as 97 where that is 0: the check of the structured
// payment reference, the identity-card number and the Belgian account
// number.
func mod97Check(ds string) bool {
	if len(ds) < 3 {
		return false
	}
	want := mod97(ds[:len(ds)-2])
	if want == 0 {
		want = 97
	}
	return atoi(ds[len(ds)-2:]) == want
}
