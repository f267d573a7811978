package main

import (
	"bytes"
	"errors"
	"io"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// yamlDoc is a YAML document decoded strictly into a Go value, with its node
// tree kept so problems can name the line of any field.
type yamlDoc struct {
	file string
	// offset is added to YAML line numbers: front matter starts below line 1.
	offset int
	root   *yaml.Node
}

var yamlLine = regexp.MustCompile(`line (\d+): (.*)`)

// decodeYAML decodes src into v, refusing unknown fields. Syntax and type
// errors are recorded in ps with their lines; it reports whether v is usable.
func decodeYAML(file string, offset int, src []byte, v any, ps *Problems) (*yamlDoc, bool) {
	doc := &yamlDoc{file: file, offset: offset}
	var root yaml.Node
	if err := yaml.Unmarshal(src, &root); err != nil {
		doc.addYAMLError(err, ps)
		return doc, false
	}
	if root.Kind == 0 {
		ps.Add(file, offset+1, "", "the file is empty")
		return doc, false
	}
	doc.root = &root
	dec := yaml.NewDecoder(bytes.NewReader(src))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil && !errors.Is(err, io.EOF) {
		doc.addYAMLError(err, ps)
		return doc, false
	}
	return doc, true
}

// addYAMLError turns a yaml error into problems with lines.
func (d *yamlDoc) addYAMLError(err error, ps *Problems) {
	var te *yaml.TypeError
	msgs := []string{err.Error()}
	if errors.As(err, &te) {
		msgs = te.Errors
	}
	for _, m := range msgs {
		m = strings.TrimPrefix(m, "yaml: ")
		line := d.offset + 1
		if sm := yamlLine.FindStringSubmatch(m); sm != nil {
			n, _ := strconv.Atoi(sm[1])
			line = d.offset + n
			m = sm[2]
		}
		m = strings.Replace(m, "not found in type", "is not a known setting of", 1)
		m = regexp.MustCompile(`(?:main|guide)\.\w+`).ReplaceAllString(m, "this file")
		ps.Add(d.file, line, "", "%s (check the spelling and indentation)", m)
	}
}

// line returns the line of the node at path, a dotted list of mapping keys
// and list indexes such as "questions.2.options.0.id", or of the deepest
// node of path that exists.
func (d *yamlDoc) line(path string) int {
	if d.root == nil {
		return d.offset + 1
	}
	n := d.root
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	line := n.Line
	for _, part := range strings.Split(path, ".") {
		if part == "" {
			continue
		}
		next := child(n, part)
		if next == nil {
			break
		}
		n = next
		line = n.Line
	}
	return d.offset + line
}

// child returns the value under key in a mapping, or item i of a sequence.
func child(n *yaml.Node, key string) *yaml.Node {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == key {
				return n.Content[i+1]
			}
		}
	case yaml.SequenceNode:
		if i, err := strconv.Atoi(key); err == nil && i >= 0 && i < len(n.Content) {
			return n.Content[i]
		}
	}
	return nil
}

// leafPaths returns the dotted paths of the document's scalar values, such
// as "booking.label", in the order they are written.
func (d *yamlDoc) leafPaths() []string {
	if d.root == nil {
		return nil
	}
	n := d.root
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	var paths []string
	var walk func(n *yaml.Node, prefix string)
	walk = func(n *yaml.Node, prefix string) {
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				walk(n.Content[i+1], prefix+n.Content[i].Value+".")
			}
		case yaml.SequenceNode:
			for i, c := range n.Content {
				walk(c, prefix+strconv.Itoa(i)+".")
			}
		default:
			paths = append(paths, strings.TrimSuffix(prefix, "."))
		}
	}
	walk(n, "")
	return paths
}
