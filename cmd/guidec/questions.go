package main

import (
	"fmt"
	"regexp"

	"symptomguide/app/guide"
)

// questionsFile is content/questions.yaml.
type questionsFile struct {
	Questions []struct {
		ID      string `yaml:"id"`
		Type    string `yaml:"type"`
		Title   string `yaml:"title"`
		Hint    string `yaml:"hint"`
		Summary string `yaml:"summary"`
		Options []struct {
			ID        string `yaml:"id"`
			Label     string `yaml:"label"`
			Hint      string `yaml:"hint"`
			Exclusive bool   `yaml:"exclusive"`
			Reason    string `yaml:"reason"`
			Note      string `yaml:"note"`
		} `yaml:"options"`
	} `yaml:"questions"`
}

var id = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// questionLines finds the line of a question or option by id.
type questionLines struct {
	doc *yamlDoc
	q   map[string]int
	o   map[string]map[string]int
}

func (l questionLines) line(q, o string) int {
	qi, ok := l.q[q]
	if !ok {
		return l.doc.line("questions")
	}
	if oi, ok := l.o[q][o]; ok {
		return l.doc.line(fmt.Sprintf("questions.%d.options.%d.id", qi, oi))
	}
	return l.doc.line(fmt.Sprintf("questions.%d.id", qi))
}

// loadQuestions reads and checks questions.yaml.
func loadQuestions(file string, src []byte, ps *Problems) ([]guide.Question, questionLines) {
	var f questionsFile
	doc, ok := decodeYAML(file, 0, src, &f, ps)
	lines := questionLines{doc: doc, q: map[string]int{}, o: map[string]map[string]int{}}
	if !ok {
		return nil, lines
	}
	spam(file, 0, src, ps)
	var qs []guide.Question
	for i, fq := range f.Questions {
		at := func(field string) (int, string) {
			return doc.line(fmt.Sprintf("questions.%d.%s", i, field)), fmt.Sprintf("questions[%d].%s", i, field)
		}
		if line, path := at("id"); !id.MatchString(fq.ID) {
			ps.Add(file, line, path, "%q is not a valid id: use lower-case letters, digits and dashes", fq.ID)
		} else if _, dup := lines.q[fq.ID]; dup {
			ps.Add(file, line, path, "the id %q is used by another question: ids must be unique", fq.ID)
		}
		lines.q[fq.ID] = i
		lines.o[fq.ID] = map[string]int{}
		q := guide.Question{ID: fq.ID, Title: fq.Title, Hint: fq.Hint, Summary: fq.Summary}
		switch fq.Type {
		case "radios":
			q.Kind = guide.Radios
		case "checkboxes":
			q.Kind = guide.Checkboxes
		default:
			line, path := at("type")
			ps.Add(file, line, path, "must be radios (choose one) or checkboxes (choose any), got %q", fq.Type)
		}
		if fq.Title == "" {
			line, path := at("title")
			ps.Add(file, line, path, "is missing: the question as visitors read it")
		}
		if fq.Summary == "" {
			line, path := at("summary")
			ps.Add(file, line, path, `is missing: a short name for the "Check your answers" page`)
		}
		for j, fo := range fq.Options {
			oat := func(field string) (int, string) {
				return doc.line(fmt.Sprintf("questions.%d.options.%d.%s", i, j, field)), fmt.Sprintf("questions[%d].options[%d].%s", i, j, field)
			}
			if line, path := oat("id"); !id.MatchString(fo.ID) {
				ps.Add(file, line, path, "%q is not a valid id: use lower-case letters, digits and dashes", fo.ID)
			} else if _, dup := lines.o[fq.ID][fo.ID]; dup {
				ps.Add(file, line, path, "the id %q is used twice in question %q", fo.ID, fq.ID)
			}
			lines.o[fq.ID][fo.ID] = j
			if fo.Label == "" {
				line, path := oat("label")
				ps.Add(file, line, path, "is missing: the answer as visitors read it")
			}
			if fo.Exclusive && q.Kind == guide.Radios {
				line, path := oat("exclusive")
				ps.Add(file, line, path, "only checkbox answers can be exclusive: radio answers always are")
			}
			q.Options = append(q.Options, guide.Option{
				ID: fo.ID, Label: fo.Label, Hint: fo.Hint, Exclusive: fo.Exclusive, Reason: fo.Reason, Note: fo.Note,
			})
		}
		qs = append(qs, q)
	}
	return qs, lines
}
