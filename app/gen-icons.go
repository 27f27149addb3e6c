//go:build ignore

// Gen-icons draws the app icons in ../web: icon-192.png, icon-512.png and
// icon-maskable.png (the same drawing with a full-bleed background and the
// motif inside the maskable safe zone). web/icon.svg is the same drawing,
// written by hand.
//
// Run it from the app directory: go run gen-icons.go
package main

import (
	"image"
	"image/color"
	"image/png"
	"log"
	"math"
	"os"
)

var (
	blue   = color.NRGBA{0x1f, 0x4e, 0x79, 0xff}
	white  = color.NRGBA{0xff, 0xff, 0xff, 0xff}
	orange = color.NRGBA{0xe8, 0x6a, 0x1c, 0xff}
)

func main() {
	write("../web/icon-192.png", draw(192, false))
	write("../web/icon-512.png", draw(512, false))
	write("../web/icon-maskable.png", draw(512, true))
}

func write(name string, img image.Image) {
	f, err := os.Create(name)
	if err != nil {
		log.Fatal(err)
	}
	if err := png.Encode(f, img); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
}

// draw renders the icon at size×size with 4×4 supersampling. Coordinates
// are in [0,1]; a maskable icon scales the motif into the central 80%.
func draw(size int, maskable bool) image.Image {
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	const ss = 4
	for py := 0; py < size; py++ {
		for px := 0; px < size; px++ {
			var r, g, b, a float64
			for sy := 0; sy < ss; sy++ {
				for sx := 0; sx < ss; sx++ {
					x := (float64(px) + (float64(sx)+0.5)/ss) / float64(size)
					y := (float64(py) + (float64(sy)+0.5)/ss) / float64(size)
					c, ok := shade(x, y, maskable)
					if ok {
						r += float64(c.R)
						g += float64(c.G)
						b += float64(c.B)
						a += 255
					}
				}
			}
			n := float64(ss * ss)
			if a > 0 {
				k := 255 / a
				img.SetNRGBA(px, py, color.NRGBA{uint8(r*k + 0.5), uint8(g*k + 0.5), uint8(b*k + 0.5), uint8(a/n + 0.5)})
			}
		}
	}
	return img
}

// shade returns the color at (x, y), or false outside the icon.
func shade(x, y float64, maskable bool) (color.NRGBA, bool) {
	if !maskable && !inRoundRect(x, y, 0, 0, 1, 1, 0.18) {
		return color.NRGBA{}, false
	}
	if maskable { // the safe zone is the central circle of radius 0.4
		x, y = (x-0.5)/0.8+0.5, (y-0.5)/0.8+0.5
	}
	// The bounce badge: an orange disc with a white return arrow.
	bx, by, br := 0.70, 0.68, 0.17
	if d := math.Hypot(x-bx, y-by); d <= br {
		if onArrow(x-bx, y-by, br) {
			return white, true
		}
		return orange, true
	}
	// The envelope, with its flap drawn in blue.
	if inRoundRect(x, y, 0.18, 0.28, 0.82, 0.72, 0.03) {
		if distToSegment(x, y, 0.18, 0.30, 0.5, 0.52) < 0.025 || distToSegment(x, y, 0.82, 0.30, 0.5, 0.52) < 0.025 {
			return blue, true
		}
		return white, true
	}
	return blue, true
}

// onArrow reports whether (x, y), relative to the badge center, is on the
// return arrow: the upper half of a ring, ending in a head pointing down on
// the left.
func onArrow(x, y, r float64) bool {
	d := math.Hypot(x, y+0.01)
	if y <= 0.02 && x >= -0.5*r && d > 0.38*r && d < 0.58*r {
		return true
	}
	// The head: a triangle below the ring's left end.
	hx, hy, w := -0.48*r, 0.02, 0.22*r
	return y >= hy && y <= hy+1.6*w-(math.Abs(x-hx)*1.6) && math.Abs(x-hx) <= w
}

func inRoundRect(x, y, x0, y0, x1, y1, rad float64) bool {
	if x < x0 || x > x1 || y < y0 || y > y1 {
		return false
	}
	cx := math.Max(x0+rad, math.Min(x, x1-rad))
	cy := math.Max(y0+rad, math.Min(y, y1-rad))
	return math.Hypot(x-cx, y-cy) <= rad
}

func distToSegment(x, y, x0, y0, x1, y1 float64) float64 {
	dx, dy := x1-x0, y1-y0
	t := ((x-x0)*dx + (y-y0)*dy) / (dx*dx + dy*dy)
	t = math.Max(0, math.Min(1, t))
	return math.Hypot(x-(x0+t*dx), y-(y0+t*dy))
}
