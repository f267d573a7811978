//go:build browser

package e2e

import (
	"fmt"
	"strings"
	"testing"
)

// TestResultMeasures reports, without asserting, how long each outcome's
// result page is: the bytes of its HTML as the server sends it, and its
// height (document.documentElement.scrollHeight) with every "more" item
// closed, on a desktop window and on phones, also in screens of that
// phone's height. Run with -v to read the table.
func TestResultMeasures(t *testing.T) {
	sizes := []struct {
		name  string
		w, h  int64
		phone bool
	}{
		{"1280x800", 1280, 800, false},
		{"390x844", 390, 844, true},
		{"412x823", 412, 823, true},
	}
	// Besides each outcome's case, a caution with one caution ticked, as
	// most cautions are.
	cases := outcomeCases(t)
	cases = append(cases, outcomeCase{name: "caution-pregnancy", heading: headingCaution(), path: resultPath(routineAnswers().With("cautions", "pregnancy"))})
	var rows []string
	for _, oc := range cases {
		v := newVisitor(t)
		v.open(oc.path)
		v.waitHeading(oc.heading)
		bytes := evalAwait[int](v, `fetch(location.href).then(r => r.text()).then(s => new TextEncoder().encode(s).length)`)
		row := fmt.Sprintf("%-22s %7d B", oc.name, bytes)
		for _, s := range sizes {
			if s.phone {
				v.phone(s.w, s.h)
			} else {
				v.viewport(s.w, s.h)
			}
			v.settle()
			h := eval[int](v, `document.documentElement.scrollHeight`)
			row += fmt.Sprintf("  %s: %6d px (%.1f screens)", s.name, h, float64(h)/float64(s.h))
		}
		rows = append(rows, row)
	}
	t.Logf("result pages, HTML bytes and height with every item closed:\n%s", strings.Join(rows, "\n"))
}
