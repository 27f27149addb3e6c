//go:build !wasm

package main

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// serviceWorkerJS is go-app's service worker with four changes:
//
//   - the install waits until every resource is cached, so a worker that
//     controls the page can serve it offline;
//   - under a sub-path, the app root is cached as "/decoder/" (what static
//     hosts serve, without a redirect) instead of "/decoder";
//   - a page navigation that misses the cache tries the same path with or
//     without its trailing slash, ignoring the query, so "/about" and
//     "/about/" both open offline;
//   - it answers a "bounce-decoder:version" message with its version, so
//     web/update.js can tell a page served by an older version that a new
//     one has taken over.
var serviceWorkerJS = mustPatch(app.DefaultAppWorkerJS, workerPatches)

// workerPatches are the replacements made in go-app's service worker, as
// {old, new} pairs; each old text must occur exactly once.
var workerPatches = [][2]string{
	{
		`const resourcesToCache = {{.ResourcesToCache}};`,
		`const appScope = new URL(self.registration.scope).pathname;
const resourcesToCache = {{.ResourcesToCache}}.map((u) => (u + "/" === appScope ? appScope : u));`,
	},
	{
		`self.addEventListener("install", async (event) => {
  try {
    console.log("installing app worker {{.Version}}");
    await installWorker();
    await self.skipWaiting();
  } catch (error) {
    console.error("error during installation:", error);
  }
});`,
		`self.addEventListener("install", (event) => {
  console.log("installing app worker {{.Version}}");
  event.waitUntil(installWorker().then(() => self.skipWaiting()));
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "bounce-decoder:version" && event.ports[0]) {
    event.ports[0].postMessage("{{.Version}}");
  }
});`,
	},
	{
		`  const cachedResponse = await caches.match(request);
  if (cachedResponse) {
    return cachedResponse;
  }
  return await fetch(request);
}`,
		`  const cachedResponse = await caches.match(request);
  if (cachedResponse) {
    return cachedResponse;
  }
  if (request.mode === "navigate") {
    const page = await matchPage(request.url);
    if (page) {
      return page;
    }
  }
  return await fetch(request);
}

// matchPage finds a cached page for url with or without its trailing slash,
// ignoring the query. A redirected response cannot answer a navigation, so
// it is copied.
async function matchPage(url) {
  const u = new URL(url);
  u.search = "";
  u.hash = "";
  const other = new URL(u);
  other.pathname = u.pathname.endsWith("/") ? u.pathname.slice(0, -1) : u.pathname + "/";
  for (const candidate of [u.href, other.href]) {
    const res = await caches.match(candidate);
    if (res) {
      if (!res.redirected) {
        return res;
      }
      return new Response(await res.blob(), { status: res.status, statusText: res.statusText, headers: res.headers });
    }
  }
  return undefined;
}`,
	},
}

// appJSPatches are the replacements made in go-app's app.js as its handler
// serves it, as {old, new} pairs; each old text must occur exactly once.
//
// go-app registers the service worker before it loads app.wasm. On a first
// visit the worker's install then downloads every page of the app (more
// than 1,000 files) while the browser compiles and starts app.wasm, on the
// same cores. The patch registers it once the app has started.
var appJSPatches = [][2]string{
	{
		"goappInitServiceWorker();\ngoappWatchForUpdate();\ngoappWatchForInstallable();\ngoappInitWebAssembly();\n",
		"goappWatchForUpdate();\ngoappWatchForInstallable();\ngoappInitWebAssembly().finally(goappInitServiceWorker);\n",
	},
}

// mustPatch applies patches to s. It panics if an old text does not occur
// exactly once: go-app's scripts changed and the patches must be reviewed.
func mustPatch(s string, patches [][2]string) string {
	for _, p := range patches {
		if n := strings.Count(s, p[0]); n != 1 {
			panic("app: script patch matches " + strconv.Itoa(n) + " times: " + p[0])
		}
		s = strings.Replace(s, p[0], p[1], 1)
	}
	return s
}
