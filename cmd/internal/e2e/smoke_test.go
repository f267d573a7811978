//go:build browser

package e2e

import "testing"

func TestSmoke(t *testing.T) {
	smokeWalk(t, newVisitor(t), "smoke-result")
}

// smokeWalk walks the visitor v from the start page to a routine result,
// on whichever host v uses, and screenshots the result as shot.
func smokeWalk(t *testing.T, v *visitor, shot string) {
	v.open("/")
	v.waitHeading(headingStart())
	v.press(words().Start.Button)
	v.waitHeading(questionTitle(t, "age"))
	v.answerFrom("age", map[string][]string{
		"age": {"20-49"}, "pain": {"lower-back"}, "duration": {"chronic"}, "factors": {"stress"},
	})
	v.press(words().Check.Button)
	v.waitHeading(headingRoutine())
	v.screenshot(shot)
	t.Log(v.text())
	v.checkPrivacy()
}
