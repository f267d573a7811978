// Package guidedata holds the clinic's compiled content, which cmd/guidec
// writes into content_gen.go from content/ (or from the content folder
// make is given: see the Makefile's CONTENT).
package guidedata
