// Command gentagger writes data/tagger/prose.model, the text layer's
// tagger weights as a flat file (see text.TaggerFileBytes). Run it through
//
//	go generate ./internal/text
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/dateline-project/dateline/internal/text"
)

func main() {
	out := flag.String("o", "data/tagger/prose.model", "file to write")
	flag.Parse()
	b, err := text.TaggerFileBytes()
	if err == nil {
		err = os.WriteFile(*out, b, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gentagger:", err)
		os.Exit(1)
	}
	fmt.Printf("wrote %s (%d bytes)\n", *out, len(b))
}
