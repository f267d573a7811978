package compress

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"hash/crc32"
	"slices"
	"sync"
)

// Pieces are runs of bytes that many responses made on each request share,
// such as a page's inline stylesheet or an article's text, each compressed
// once. Pieces.Gzip compresses a body by compressing only what lies between
// the pieces it holds and splicing in their compressed copies: a deflate
// stream may be cut at any byte-aligned block boundary, so independently
// compressed fragments that each end with a sync flush chain into one
// valid stream. A Pieces holds nothing of any response: only the texts it
// was made from.
type Pieces struct {
	// first is the first byte of every piece; start says which pairs of
	// first bytes begin one, to skip most positions at the cost of a
	// table lookup.
	first []byte
	start [1 << 16]bool
	// byKey finds the pieces by their first keyLen bytes, longest first.
	byKey map[string][]*piece
}

// piece is one shared text and its deflate fragment: compressed at the
// best level, ended with a sync flush and not final.
type piece struct {
	text    []byte
	deflate []byte
}

// MinPiece is the shortest text worth keeping as a piece: below it the
// block header a splice adds costs more than it saves.
const MinPiece = 512

// keyLen is how many first bytes of a piece are looked up.
const keyLen = 32

// NewPieces compresses texts, skipping those shorter than MinPiece and
// repeats.
func NewPieces(texts ...[]byte) *Pieces {
	p := &Pieces{byKey: map[string][]*piece{}}
	seen := map[string]bool{}
	for _, t := range texts {
		if len(t) < MinPiece || seen[string(t)] {
			continue
		}
		seen[string(t)] = true
		var buf bytes.Buffer
		w, _ := flate.NewWriter(&buf, flate.BestCompression)
		w.Write(t)
		w.Flush()
		pc := &piece{text: slices.Clone(t), deflate: buf.Bytes()}
		key := string(t[:keyLen])
		p.byKey[key] = append(p.byKey[key], pc)
		p.start[int(t[0])<<8|int(t[1])] = true
		if !bytes.Contains(p.first, t[:1]) {
			p.first = append(p.first, t[0])
		}
	}
	for _, list := range p.byKey {
		slices.SortFunc(list, func(a, b *piece) int { return len(b.text) - len(a.text) })
	}
	return p
}

// Len returns how many pieces p holds.
func (p *Pieces) Len() int {
	if p == nil {
		return 0
	}
	n := 0
	for _, list := range p.byKey {
		n += len(list)
	}
	return n
}

// span is a run of a body: a piece's fragment, or bytes to compress.
type span struct {
	start, end int
	piece      *piece
}

// find returns the pieces found in body, in order, without overlaps.
func (p *Pieces) find(body []byte) []span {
	var found []span
	i := 0
	for i+keyLen <= len(body) {
		// Jump to the next byte that can begin a piece.
		if len(p.first) == 1 {
			j := bytes.IndexByte(body[i:], p.first[0])
			if j < 0 {
				break
			}
			i += j
			if i+keyLen > len(body) {
				break
			}
		}
		if p.start[int(body[i])<<8|int(body[i+1])] {
			for _, pc := range p.byKey[string(body[i:i+keyLen])] {
				if bytes.HasPrefix(body[i:], pc.text) {
					found = append(found, span{start: i, end: i + len(pc.text), piece: pc})
					i += len(pc.text) - 1
					break
				}
			}
		}
		i++
	}
	return found
}

// fastFlate reuses deflate writers: each holds about a megabyte of state.
var fastFlate = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(nil, flate.BestSpeed)
	return w
}}

// gzipHeader is a gzip member's header: deflate, no flags, no time, an
// unknown operating system.
var gzipHeader = []byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255}

// Gzip compresses body quickly as one gzip member, splicing in the
// compressed copies of the pieces it contains; the result decodes to body
// exactly. A nil Pieces compresses the whole body.
func (p *Pieces) Gzip(body []byte) []byte {
	var found []span
	if p != nil && len(p.byKey) > 0 {
		found = p.find(body)
	}
	out := bytes.NewBuffer(make([]byte, 0, len(body)/3+256))
	out.Write(gzipHeader)
	w := fastFlate.Get().(*flate.Writer)
	at := 0
	for _, f := range found {
		if f.start > at {
			w.Reset(out)
			w.Write(body[at:f.start])
			w.Flush()
		}
		out.Write(f.piece.deflate)
		at = f.end
	}
	// The last run, possibly empty, ends the stream with a final block.
	w.Reset(out)
	w.Write(body[at:])
	w.Close()
	w.Reset(nil)
	fastFlate.Put(w)
	var tail [8]byte
	binary.LittleEndian.PutUint32(tail[:4], crc32.ChecksumIEEE(body))
	binary.LittleEndian.PutUint32(tail[4:], uint32(len(body)))
	out.Write(tail[:])
	return out.Bytes()
}
