package codes

var kbFilters = []Entry{}
