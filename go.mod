module github.com/belner/belner

go 1.26.8

require (
	github.com/dlclark/regexp2 v1.12.0
	github.com/go-chi/chi/v5 v5.5.0
	github.com/nyaruka/phonenumbers v1.8.1
	golang.org/x/sync v0.25.0
	golang.org/x/text v0.44.0
)

require google.golang.org/protobuf v1.36.11 // indirect
