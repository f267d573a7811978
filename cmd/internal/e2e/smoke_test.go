//go:build browser

package e2e

import "testing"

func TestSmoke(t *testing.T) {
	v := newVisitor(t)
	v.open("/")
	v.waitHeading("Back pain: is acupuncture right for you?")
	v.press("Start now")
	v.waitHeading("Where is your back pain, and what is it like?")
	v.choose("Pain in my lower back")
	v.continueTo("How long have you had this back pain?")
	v.choose("More than 12 weeks")
	v.continueTo("Do you have any of these problems as well as back pain?")
	v.choose("None of these")
	v.continueTo("Do you have any of these?")
	v.choose("None of these")
	v.continueTo("Which of these are part of your life at the moment?")
	v.choose("Stress or worry")
	v.continueTo("Do any of these apply to you?")
	v.choose("None of these")
	v.continueTo("Check your answers")
	v.press("See your results")
	v.waitHeading("No warning signs in your answers")
	v.screenshot("smoke-result")
	t.Log(v.text())
	v.checkPrivacy()
}
