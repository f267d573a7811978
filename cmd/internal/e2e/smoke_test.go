//go:build browser

package e2e

import "testing"

func TestSmoke(t *testing.T) {
	v := newVisitor(t)
	v.open("/")
	v.waitHeading(headingStart)
	v.press("Start now")
	v.waitHeading(questionTitle(t, "age"))
	v.answerFrom("age", map[string][]string{
		"age": {"20-49"}, "pain": {"lower-back"}, "duration": {"chronic"}, "factors": {"stress"},
	})
	v.press("See your results")
	v.waitHeading(headingRoutine)
	v.screenshot("smoke-result")
	t.Log(v.text())
	v.checkPrivacy()
}
