package main

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// route is one page of the app.
//
// A route is either one Path ("/about") or a family of paths matched by
// Pattern (a regular expression such as `^/codes/[^/]+/?$`) whose concrete
// members are listed by Paths, so that they are cached for offline use and
// written to the static site.
type route struct {
	Path    string          // exact path without trailing slash; "" for a Pattern route
	Pattern string          // regular expression for a family of paths; must accept a trailing slash
	Paths   func() []string // the concrete paths of a Pattern route
	New     func() app.Composer
}

// routes returns every page of the app. Adding a page here registers its
// route, caches it for offline use and writes it to the static site.
func routes() []route {
	return []route{
		{Path: "/", New: func() app.Composer { return newDecoderPage() }},
		{Path: "/about", New: func() app.Composer { return newAboutPage() }},
		{Path: "/codes", New: func() app.Composer { return newCodesPage() }},
		{Pattern: codePagePattern, Paths: codePaths, New: func() app.Composer { return newCodePage() }},
		{Path: "/embed", New: func() app.Composer { return newEmbedPage() }},
		{Path: "/batch", New: func() app.Composer { return newBatchPage() }},
	}
}

// registerRoutes registers every route with go-app. A path is registered with
// and without a trailing slash, since static hosts serve "/about" as
// "/about/" (the directory holding index.html).
func registerRoutes() {
	for _, r := range routes() {
		switch {
		case r.Pattern != "":
			app.RouteWithRegexp(r.Pattern, r.New)
		case r.Path == "/":
			app.Route("/", r.New)
		default:
			app.Route(r.Path, r.New)
			app.Route(r.Path+"/", r.New)
		}
	}
}

// pagePaths returns the concrete path of every page, root first, each once.
func pagePaths() []string {
	var paths []string
	seen := make(map[string]bool)
	add := func(p string) {
		p = "/" + strings.Trim(p, "/")
		if !seen[p] {
			seen[p] = true
			paths = append(paths, p)
		}
	}
	for _, r := range routes() {
		if r.Path != "" {
			add(r.Path)
		}
		if r.Paths != nil {
			for _, p := range r.Paths() {
				add(p)
			}
		}
	}
	return paths
}

// cachePath returns the URL path under which the page at p is cached and
// written to the static site: "/" for the root, else p with a trailing slash
// (a static host serves "p/index.html" there without a redirect).
func cachePath(p string) string {
	if p == "/" {
		return p
	}
	return p + "/"
}

// linkBase returns the base path the app is served under ("" or
// "/decoder"), for links written as markup, which go-app does not resolve:
// on the server its resolver of static resources knows it, in the browser
// href adds it.
func linkBase(ctx app.Context) string {
	if app.IsServer {
		return strings.TrimSuffix(ctx.ResolveStaticResource("/codes"), "/codes")
	}
	return strings.TrimSuffix(href("/"), "/")
}

// href returns the link to the app path p ("/about"), prefixed with the
// base path the app is served under. On the server go-app resolves links
// itself; in the browser it does not, so the prefix is added here.
func href(p string) string {
	if app.IsServer {
		return p
	}
	return strings.TrimRight(app.Getenv("GOAPP_ROOT_PREFIX"), "/") + p
}
