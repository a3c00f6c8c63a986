package server

import "testing"

func TestCSVText(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"France", "France"},
		{"=1+1", "'=1+1"},
		{"+1+1", "'+1+1"},
		{"-1+1", "'-1+1"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\tx", "'\tx"},
		{"\rx", "'\rx"},
		{"a=b", "a=b"},
		{"'quoted", "'quoted"},
		// Plain numbers are read as numbers, not formulas.
		{"-5", "-5"},
		{"+1.5", "+1.5"},
		{"-33.9", "-33.9"},
		{"-.5", "-.5"},
		{"-1e5", "-1e5"},
		{"+2E-3", "+2E-3"},
		// Not plain numbers.
		{"-", "'-"},
		{"-.", "'-."},
		{"-1e", "'-1e"},
		{"-Inf", "'-Inf"},
		{"+NaN", "'+NaN"},
		{"-0x1p3", "'-0x1p3"},
		{"--5", "'--5"},
		{"-1.2.3", "'-1.2.3"},
		{"-1 ", "'-1 "},
	} {
		if got := csvText(c.in); got != c.want {
			t.Errorf("csvText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
