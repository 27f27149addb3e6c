package main

import (
	"os"
	"testing"

	"github.com/chromedp/chromedp"
)

func TestZZShot(t *testing.T) {
	browser := startBrowser(t)
	web := buildTestWeb(t)
	s, err := loadSite(web, "")
	if err != nil {
		t.Fatal(err)
	}
	srv := startHTTP(t, newServer(s))
	tab := newTab(t, browser)
	run(t, tab, chromedp.EmulateViewport(1280, 1400))
	if f := os.Getenv("SHOT_MAIL"); f != "" {
		mail, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		mount(t, tab, srv.url+"/#"+encodeShare(string(mail)))
	} else {
		mount(t, tab, srv.url+"/")
		run(t, tab, chromedp.Click(chromedp.CSS(`[data-example="`+os.Getenv("SHOT_EXAMPLE")+`"]`)))
	}
	run(t, tab, chromedp.WaitVisible(chromedp.CSS(`.recipient-card`)))
	screenshot(t, tab, os.Getenv("SHOT_OUT"))
}
