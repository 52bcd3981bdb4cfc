package entity

import "testing"

func TestNameable(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"Gent", true},
		{"van de Velde", true},
		{"rue 12", true},
		{"Ökonomie", true},
		{"vestigingseenheid", false},
		{"beslist", false},
		{"à l'hôpital", false},
		{"", false},
	} {
		if got := Nameable([]rune(tc.text)); got != tc.want {
			t.Errorf("Nameable(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}
