package codes

var kbYahoo = kbWith("yahoo", "", []Entry{})
