package main

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"symptomguide/app/guide"
)

// places says where one language's content is written, for the problems
// found by comparing it with another language.
type places struct {
	questions string // the questions file
	lines     questionLines
	// checked reports whether the engine accepted the questions, so the
	// sections' targeting and the answers' reasons were read.
	checked  bool
	sections map[string]sectionPlace // by section id
}

// sectionPlace is where a section is written.
type sectionPlace struct {
	file                   string
	line, forLine, srcLine int
}

// wordPaths are the settings of clinic.yaml that are words, which
// <lang>/clinic.yaml may give in its language. Numbers, addresses, colours
// and settings are the same in every language and stay in clinic.yaml. A
// word left out comes from the country's preset in that language, if it has
// one, and is otherwise missing: never the default language's word.
var wordPaths = []string{
	"name", "short_name", "description", "booking.label",
	"emergency.label", "emergency.service", "emergency.department",
	"urgent.label", "urgent.service", "crisis.service", "crisis.line",
	"gp.name", "gp.explained", "gp.place", "gp.places", "practitioner.register",
}

// loadTranslatedClinic reads folder/clinic.yaml, the clinic's words in
// language lang, lays them over clinic.yaml as written, and returns the
// clinic and the placeholders' values in that language.
func loadTranslatedClinic(folder string, cfg clinicConfig, lang string, ps *Problems) (guide.Clinic, *clinicFacts) {
	file := filepath.Join(folder, "clinic.yaml")
	fallback := cfg.clinic
	fallback.Lang = lang
	src := readContent(file, ps)
	if src == nil {
		return fallback, &clinicFacts{}
	}
	var w clinicFile
	doc, ok := decodeYAML(file, 0, src, &w, ps)
	if !ok {
		return fallback, &clinicFacts{}
	}
	spam(file, 0, src, ps)
	for _, path := range doc.leafPaths() {
		if !slices.Contains(wordPaths, path) {
			ps.Add(file, doc.line(path), path, "is not one of the clinic's words: numbers, addresses and settings are the same in every language, so set it in clinic.yaml only (this file may hold %s)", strings.Join(wordPaths, ", "))
		}
	}
	f := cfg.raw
	f.Name, f.ShortName, f.Description = w.Name, w.ShortName, w.Description
	f.Booking.Label = w.Booking.Label
	f.Emergency.Label, f.Emergency.Service, f.Emergency.Department = w.Emergency.Label, w.Emergency.Service, w.Emergency.Department
	f.Urgent.Label, f.Urgent.Service = w.Urgent.Label, w.Urgent.Service
	f.Crisis.Service, f.Crisis.Line = w.Crisis.Service, w.Crisis.Line
	f.GP, f.Practitioner = w.GP, w.Practitioner
	facts := checkFacts(file, doc, &f, lang, true, ps)
	c := clinicOf(f, lang)
	c.Languages = cfg.clinic.Languages
	return c, facts
}

// checkInStep reports where the translation tr is out of step with def,
// the default language: the same questions, options and articles in the
// same order, the same sections in the same articles with the same For
// targeting, a reason or note wherever def has one, and sources wherever
// def has them. Only words may differ. (The strings files are checked
// key by key when they are read.)
func checkInStep(def, tr *guide.Content, dw, tw places, ps *Problems) {
	if tw.questions == "" || dw.questions == "" {
		return // the questions file is missing or broken: reported already
	}
	lang := tr.Clinic.Lang
	qfile, qline := tw.questions, func(q, o string) int { return tw.lines.line(q, o) }
	if tw.lines.doc == nil {
		qline = func(string, string) int { return 0 }
	}
	trQ := map[string]guide.Question{}
	for _, q := range tr.Questions {
		trQ[q.ID] = q
	}
	for i, dq := range def.Questions {
		tq, ok := trQ[dq.ID]
		if !ok {
			ps.Add(qfile, qline("", ""), "questions", "question %q (%s) is missing: every language asks the same questions", dq.ID, dw.questions)
			continue
		}
		if i < len(tr.Questions) && tr.Questions[i].ID != dq.ID {
			ps.Add(qfile, qline(tq.ID, ""), dq.ID, "question %q is question %d in %s but not here: keep the default language's order", dq.ID, i+1, dw.questions)
		}
		if tq.Kind != dq.Kind {
			ps.Add(qfile, qline(tq.ID, ""), dq.ID+".type", "is not the same type as in %s", dw.questions)
		}
		ids := func(q guide.Question) []string {
			out := make([]string, len(q.Options))
			for i, o := range q.Options {
				out[i] = o.ID
			}
			return out
		}
		if d, t := ids(dq), ids(tq); !slices.Equal(d, t) {
			ps.Add(qfile, qline(tq.ID, ""), dq.ID+".options", "the options are %s, want %s as in %s: only the words may change", strings.Join(t, ", "), strings.Join(d, ", "), dw.questions)
			continue
		}
		if !tw.checked {
			continue // the engine's problems with the questions come first
		}
		for j, do := range dq.Options {
			to := tq.Options[j]
			field := dq.ID + "." + do.ID
			if to.Exclusive != do.Exclusive {
				ps.Add(qfile, qline(tq.ID, to.ID), field+".exclusive", "exclusive is %t here and %t in %s", to.Exclusive, do.Exclusive, dw.questions)
			}
			if do.Reason != "" && to.Reason == "" {
				ps.Add(qfile, qline(tq.ID, to.ID), field+".reason", "is missing: the default language gives this answer a reason, which the result shows (%s)", lang)
			}
			if do.Note != "" && to.Note == "" {
				ps.Add(qfile, qline(tq.ID, to.ID), field+".note", "is missing: the default language gives this answer a note, which tells the visitor what to do (%s)", lang)
			}
			if do.Reason == "" && to.Reason != "" {
				ps.Add(qfile, qline(tq.ID, to.ID), field+".reason", "is not in the default language (%s): a translation changes words, not which answers are signs", dw.questions)
			}
			if do.Note == "" && to.Note != "" {
				ps.Add(qfile, qline(tq.ID, to.ID), field+".note", "is not in the default language (%s): a translation changes words, not which answers carry notes", dw.questions)
			}
		}
	}
	defQ := map[string]bool{}
	for _, q := range def.Questions {
		defQ[q.ID] = true
	}
	for _, q := range tr.Questions {
		if !defQ[q.ID] {
			ps.Add(qfile, qline(q.ID, ""), q.ID, "question %q is not in %s: every language asks the same questions", q.ID, dw.questions)
		}
	}

	trS := map[string]guide.Section{}
	for _, s := range tr.Sections {
		trS[s.ID] = s
	}
	slug := func(c *guide.Content, s guide.Section) string { return c.Articles[s.Article].Slug }
	for _, ds := range def.Sections {
		d := dw.sections[ds.ID]
		ts, ok := trS[ds.ID]
		if _, written := tw.sections[ds.ID]; !written {
			ps.Add(filepath.Join(filepath.Dir(qfile), "articles", slug(def, ds)+".md"), 0, "", "section %q (%s:%d) is missing: every language has the same sections", ds.ID, d.file, d.line)
			continue
		}
		if !ok {
			continue // its For line has a problem, reported already
		}
		t := tw.sections[ts.ID]
		if slug(tr, ts) != slug(def, ds) {
			ps.Add(t.file, t.line, "heading", "section %q is in %s.md here but in %s.md in the default language", ts.ID, slug(tr, ts), slug(def, ds))
		}
		if tw.checked && fmt.Sprint(ts.For) != fmt.Sprint(ds.For) {
			line := t.forLine
			if line == 0 {
				line = t.line
			}
			ps.Add(t.file, line, "For", "targets %s, want %s as in %s:%d: a translation changes words, not who sees a section", forString(ts.For), forString(ds.For), d.file, d.forLine)
		}
		if len(ds.Sources) > 0 && len(ts.Sources) == 0 {
			line := t.srcLine
			if line == 0 {
				line = t.line
			}
			ps.Add(t.file, line, "Sources", "section %q cites no sources, but cites %d in the default language (%s:%d)", ts.ID, len(ds.Sources), d.file, d.line)
		}
	}
	defS := map[string]bool{}
	for _, s := range def.Sections {
		defS[s.ID] = true
	}
	for _, s := range tr.Sections {
		if !defS[s.ID] {
			t := tw.sections[s.ID]
			ps.Add(t.file, t.line, "heading", "section %q is not in the default language: every language has the same sections", s.ID)
		}
	}
}

// forString writes a section's targeting as its For line reads, or
// "everyone".
func forString(conds []guide.Condition) string {
	if len(conds) == 0 {
		return "everyone"
	}
	parts := make([]string, len(conds))
	for i, c := range conds {
		parts[i] = c.Question + " is " + strings.Join(c.Options, " or ")
	}
	return strings.Join(parts, ", ")
}
