package codes

// Provider markers are found with one Aho-Corasick automaton over ASCII
// case-folded bytes, built once from kbIndex.markers, so DetectProvider reads a
// mail of several megabytes once however many markers there are.

// kbAC is a deterministic automaton over byte classes.
type kbAC struct {
	class  [256]uint8 // byte -> class; 0 for bytes in no needle
	nclass int
	next   []int32 // state*nclass + class -> next state*nclass, with kbACOut set if needles end there
	out    [][]int // state -> indexes in the markers of the needles ending here
	// rootStay tells the bytes that lead from the root state back to it
	// (no needle starts with them): kbDetect skips them there.
	rootStay [256]bool
}

// kbACOut marks a transition into a state where needles end.
const kbACOut = 1 << 30

func kbBuildAC(markers []kbMarker) *kbAC {
	a := &kbAC{nclass: 1}
	for _, m := range markers {
		for i := 0; i < len(m.needle); i++ {
			c := m.needle[i]
			if a.class[c] == 0 {
				a.class[c] = uint8(a.nclass)
				if 'a' <= c && c <= 'z' {
					a.class[c-'a'+'A'] = uint8(a.nclass)
				}
				a.nclass++
			}
		}
	}
	// The trie, with -1 for a missing edge.
	newState := func() int32 {
		for range a.nclass {
			a.next = append(a.next, -1)
		}
		a.out = append(a.out, nil)
		return int32(len(a.out) - 1)
	}
	newState()
	for k, m := range markers {
		s := int32(0)
		for i := 0; i < len(m.needle); i++ {
			e := int(s)*a.nclass + int(a.class[m.needle[i]])
			if a.next[e] < 0 {
				t := newState()
				a.next[e] = t
			}
			s = a.next[e]
		}
		a.out[s] = append(a.out[s], k)
	}
	// Failure links by breadth-first search, turning the trie into a DFA.
	fail := make([]int32, len(a.out))
	var queue []int32
	for c := 0; c < a.nclass; c++ {
		if t := a.next[c]; t > 0 {
			queue = append(queue, t)
		} else {
			a.next[c] = 0
		}
	}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		a.out[s] = append(a.out[s], a.out[fail[s]]...)
		for c := 0; c < a.nclass; c++ {
			e := int(s)*a.nclass + c
			if t := a.next[e]; t > 0 {
				fail[t] = a.next[int(fail[s])*a.nclass+c]
				queue = append(queue, t)
			} else {
				a.next[e] = a.next[int(fail[s])*a.nclass+c]
			}
		}
	}
	// Premultiply the targets and flag those where needles end.
	for e, t := range a.next {
		a.next[e] = t * int32(a.nclass)
		if len(a.out[t]) > 0 {
			a.next[e] |= kbACOut
		}
	}
	for c := range a.rootStay {
		a.rootStay[c] = a.next[a.class[c]] == 0
	}
	return a
}

// kbDetect returns the index in kbx().markers of the best marker in text and
// its start, or -1. The best is the strongest; among equals, the first.
func kbDetect(text string) (best, bestAt int) {
	x := kbx()
	a := x.ac
	best, bestW := -1, 0
	s := int32(0)
	for i := 0; i < len(text); i++ {
		if s == 0 {
			for i < len(text) && a.rootStay[text[i]] {
				i++
			}
			if i == len(text) {
				break
			}
		}
		v := a.next[s+int32(a.class[text[i]])]
		s = v &^ kbACOut
		if v&kbACOut == 0 {
			continue
		}
		for _, k := range a.out[int(s)/a.nclass] {
			m := &x.markers[k]
			start := i + 1 - len(m.needle)
			if m.weight < bestW || m.weight == bestW && start >= bestAt {
				continue
			}
			if kbIsAlnum(m.needle[0]) && start > 0 && kbIsAlnum(text[start-1]) {
				continue
			}
			if kbIsAlnum(m.needle[len(m.needle)-1]) && i+1 < len(text) && kbIsAlnum(text[i+1]) {
				continue
			}
			best, bestW, bestAt = k, m.weight, start
		}
		if bestW == kbMaxWeight {
			break // nothing later can win
		}
	}
	return best, bestAt
}

const kbMaxWeight = 4
