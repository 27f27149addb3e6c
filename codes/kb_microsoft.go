package codes

var kbMicrosoft = kbWith("microsoft", "", []Entry{})
