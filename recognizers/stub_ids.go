package recognizers

// Placeholders until the identifier recognisers land.
func newINSZ() *recognizer    { panic("todo") }
func newKBO() *recognizer     { panic("todo") }
func newEIDCard() *recognizer { panic("todo") }
