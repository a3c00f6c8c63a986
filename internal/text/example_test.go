package text_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/pipeline"
	"github.com/dateline-project/dateline/internal/text"
)

var _ pipeline.Stage = (*text.Annotator)(nil)

func Example() {
	m, err := text.LoadModel() // once per process
	if err != nil {
		panic(err)
	}
	a := text.NewAnnotator(m) // once per worker
	d := &doc.Doc{Text: `"We will not discuss it," Dr. Aliyev said on Sept. 16. The U.S. agreed.`}
	if err := a.Process(context.Background(), d); err != nil {
		panic(err)
	}
	for _, s := range d.Sentences {
		fmt.Printf("%q\n", d.SpanText(s.Span))
	}
	var tagged, chunks []string
	for _, t := range d.Tokens[d.Sentences[0].FirstToken:d.Sentences[0].EndToken] {
		tagged = append(tagged, d.SpanText(t.Span)+"/"+t.Tag)
	}
	for _, c := range d.Chunks {
		chunks = append(chunks, fmt.Sprintf("%s[%s]", c.Kind, d.SpanText(c.Span)))
	}
	fmt.Println(strings.Join(tagged, " "))
	fmt.Println(strings.Join(chunks, " "))
	// Output:
	// "\"We will not discuss it,\" Dr. Aliyev said on Sept. 16."
	// "The U.S. agreed."
	// "/`` We/PRP will/MD not/RB discuss/VB it/PRP ,/, "/'' Dr./NNP Aliyev/NNP said/VBD on/IN Sept./NNP 16/CD ./.
	// NP[We] VG[will not discuss] NP[it] NP[Dr. Aliyev] VG[said] NP[Sept. 16] NP[The U.S.] VG[agreed]
}
