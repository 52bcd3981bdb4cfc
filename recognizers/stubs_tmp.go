package recognizers

func newINSZ() *recognizer         { panic("todo") }
func newKBO() *recognizer          { panic("todo") }
func newIBAN() *recognizer         { panic("todo") }
func newBIC() *recognizer          { panic("todo") }
func newDate() *recognizer         { panic("todo") }
func newPhone() *recognizer        { panic("todo") }
func newEmail() *recognizer        { panic("todo") }
func newURL() *recognizer          { panic("todo") }
func newEIDCard() *recognizer      { panic("todo") }
func newLicensePlate() *recognizer { panic("todo") }
