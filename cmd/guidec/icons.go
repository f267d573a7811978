package main

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"strconv"
)

// icon draws the app icon at size pixels: the brand colour with a white
// stack of rounded blocks, a simple spine. With maskable set, the mark keeps
// inside the central safe zone that maskable icons need.
func icon(size int, brand, mark string, maskable bool) []byte {
	bg, fg := rgb(brand), rgb(mark)
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	scale := 0.62
	if maskable {
		scale = 0.46
	}
	s := float64(size)
	blockW, blockH, gap := s*scale*0.5, s*scale/6.2, s*scale/22
	top := (s - (5*blockH + 4*gap)) / 2
	for y := range size {
		for x := range size {
			c := bg
			fx, fy := float64(x)+0.5, float64(y)+0.5
			for i := range 5 {
				w := blockW * (1 - 0.08*float64(i%3))
				y0 := top + float64(i)*(blockH+gap)
				if inRounded(fx, fy, (s-w)/2, y0, w, blockH, blockH/2.5) {
					c = fg
				}
			}
			img.Set(x, y, c)
		}
	}
	var b bytes.Buffer
	png.Encode(&b, img)
	return b.Bytes()
}

// inRounded reports whether (x, y) is inside a rounded rectangle.
func inRounded(x, y, x0, y0, w, h, r float64) bool {
	if x < x0 || x > x0+w || y < y0 || y > y0+h {
		return false
	}
	cx := min(max(x, x0+r), x0+w-r)
	cy := min(max(y, y0+r), y0+h-r)
	dx, dy := x-cx, y-cy
	return dx*dx+dy*dy <= r*r
}

// rgb parses a #rrggbb colour.
func rgb(hex string) color.NRGBA {
	v, _ := strconv.ParseUint(hex[1:], 16, 32)
	return color.NRGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 255}
}
