//go:build !wasm

package main

import (
	"math"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// cssVarRE finds a colour custom property: "--fg: #1d1d1f;".
var cssVarRE = regexp.MustCompile(`--([a-z_-]+):\s*#([0-9a-fA-F]{6});`)

// cssVars returns the colour properties of the first CSS block opened by
// selector in css.
func cssVars(t *testing.T, css, selector string) map[string]string {
	t.Helper()
	i := strings.Index(css, selector+" {")
	if i < 0 {
		t.Fatalf("app.css has no %q block", selector)
	}
	block := css[i:]
	block = block[:strings.Index(block, "}")]
	vars := make(map[string]string)
	for _, m := range cssVarRE.FindAllStringSubmatch(block, -1) {
		vars[m[1]] = m[2]
	}
	return vars
}

// luminance is the WCAG 2 relative luminance of a hex colour.
func luminance(hex string) float64 {
	var l [3]float64
	for i := range l {
		v, _ := strconv.ParseUint(hex[2*i:2*i+2], 16, 8)
		c := float64(v) / 255
		if c <= 0.03928 {
			l[i] = c / 12.92
		} else {
			l[i] = math.Pow((c+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*l[0] + 0.7152*l[1] + 0.0722*l[2]
}

func contrast(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// TestContrast checks the text colours of web/app.css against their
// backgrounds, in the light and the dark scheme, for WCAG AA (4.5:1).
func TestContrast(t *testing.T) {
	if c := contrast("000000", "ffffff"); math.Abs(c-21) > 0.01 {
		t.Fatalf("contrast of black on white = %.2f, want 21", c)
	}
	if c := contrast("777777", "ffffff"); c >= 4.5 {
		t.Fatalf("contrast of #777 on white = %.2f, want below 4.5", c)
	}
	data, err := os.ReadFile("../web/app.css")
	if err != nil {
		t.Fatal(err)
	}
	css := string(data)
	pairs := [][2]string{
		{"fg", "bg"}, {"fg", "card"}, {"muted", "bg"}, {"muted", "card"},
		{"accent", "bg"}, {"accent", "card"},
		{"permanent", "permanent-bg"}, {"remove", "remove-bg"},
		{"temporary", "temporary-bg"}, {"delivered", "delivered-bg"},
		{"fg", "temporary-bg"},
	}
	for _, k := range legendKinds {
		pairs = append(pairs, [2]string{"fg", "mark-" + string(k)})
	}
	for _, scheme := range []string{":root", ":root:not(.theme-light)", ":root.theme-dark"} {
		vars := cssVars(t, css, scheme)
		for _, p := range pairs {
			fg, bg := vars[p[0]], vars[p[1]]
			if fg == "" || bg == "" {
				t.Errorf("%s: no --%s or --%s", scheme, p[0], p[1])
				continue
			}
			if c := contrast(fg, bg); c < 4.5 {
				t.Errorf("%s: --%s on --%s has contrast %.2f, want at least 4.5", scheme, p[0], p[1], c)
			}
		}
	}
}
