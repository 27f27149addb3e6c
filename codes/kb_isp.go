package codes

var kbISP = []Entry{}
