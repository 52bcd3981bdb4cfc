package api

import (
	"crypto/sha256"
	"crypto/subtle"
	"net/http"
	"strings"
)

// keyring checks API keys. It holds their SHA-256 digests: comparing
// digests of equal length in constant time tells an attacker neither a
// key's length nor how much of a guess was right.
type keyring [][sha256.Size]byte

func newKeyring(keys []string) keyring {
	var k keyring
	for _, key := range keys {
		if key = strings.TrimSpace(key); key != "" {
			k = append(k, sha256.Sum256([]byte(key)))
		}
	}
	return k
}

// valid reports whether key is one of the keys. It compares with every
// key, whichever matches, so its time says nothing about which one did.
func (k keyring) valid(key string) bool {
	sum := sha256.Sum256([]byte(key))
	ok := 0
	for i := range k {
		ok |= subtle.ConstantTimeCompare(sum[:], k[i][:])
	}
	return ok == 1
}

// requireKey answers 401 to a request without a valid
// "Authorization: Bearer <key>" header. With no keys configured it lets
// every request through. The key is never logged.
func (k keyring) requireKey(next http.Handler) http.Handler {
	if len(k) == 0 {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key, found := bearer(r.Header.Get("Authorization"))
		switch {
		case !found:
			w.Header().Set("WWW-Authenticate", `Bearer realm="belner"`)
			writeError(w, errorf(http.StatusUnauthorized, "unauthorized",
				"this belner requires an API key: send the header Authorization: Bearer <key>"))
		case !k.valid(key):
			w.Header().Set("WWW-Authenticate", `Bearer realm="belner", error="invalid_token"`)
			writeError(w, errorf(http.StatusUnauthorized, "unauthorized", "the API key is not valid"))
		default:
			next.ServeHTTP(w, r)
		}
	})
}

// bearer returns the credentials of an Authorization header of the Bearer
// scheme, whose name is case-insensitive (RFC 9110, 11.1).
func bearer(header string) (string, bool) {
	scheme, cred, ok := strings.Cut(header, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	cred = strings.TrimSpace(cred)
	return cred, cred != ""
}
