/*
 * Bounce Decoder: keeps what is pasted, typed or dropped before the app runs.
 *
 * The pages are prerendered, so the paste area takes text before app.wasm
 * has loaded and started (a second or more on a first visit). But go-app
 * replaces the prerendered page when it mounts, and that text would be lost
 * without a word. Until the app root says data-ready="true", this script
 * keeps the paste area's last text, and a file dropped on the page or picked
 * in the file input, in window.bounceDecoderEarly; the decoder takes it when
 * it mounts (earlyInput in app/decoder.go). It keeps the search of the
 * code reference the same way (codesPage.OnMount). It also stops a file
 * dropped meanwhile from replacing the page.
 *
 * It also gets app.wasm the quick way (the second function below):
 * preloaded on a first visit, read from the service worker's cache later.
 */
(function () {
  "use strict";
  const early = (window.bounceDecoderEarly = { text: "", file: null, query: null });

  const listeners = {
    input(event) {
      const t = event.target;
      if (!t.matches) {
        return;
      }
      if (t.matches("textarea[name=ndr]")) {
        early.text = t.value;
        early.file = null;
      } else if (t.matches("input#code-search")) {
        early.query = t.value;
      }
    },
    change(event) {
      const t = event.target;
      if (t.matches && t.matches("input[type=file]") && t.files && t.files.length > 0) {
        early.file = t.files[0];
      }
    },
    dragover(event) {
      event.preventDefault();
    },
    drop(event) {
      event.preventDefault();
      const files = event.dataTransfer && event.dataTransfer.files;
      if (files && files.length > 0) {
        early.file = files[0];
      }
    },
  };

  // Each listener runs only while the app has not mounted; the first event
  // after that removes them all (capture: before the app's own handlers).
  const wrapped = {};
  const stop = () => {
    for (const type in wrapped) {
      document.removeEventListener(type, wrapped[type], true);
    }
  };
  for (const type in listeners) {
    wrapped[type] = (event) => {
      if (document.querySelector('[data-ready="true"]')) {
        stop();
        return;
      }
      listeners[type](event);
    };
    document.addEventListener(type, wrapped[type], true);
  }
})();

/*
 * app.wasm without go-app's progress stream, when the service worker serves
 * it. go-app's app.js copies the body of app.wasm chunk by chunk through a
 * ReadableStream of its own to show a progress label, and the page's main
 * thread pays for each chunk. From the worker's cache the 10 MB arrive in a
 * few hundred milliseconds and the label is never read. So on a page the
 * worker controls, app.js's fetch of app.wasm gets an empty stand-in, and
 * its WebAssembly.instantiateStreaming compiles app.wasm as the worker
 * would serve it instead: straight from the worker's cache, or from a plain
 * fetch when the cache misses. A first visit, with no worker yet, keeps
 * go-app's way and its progress label.
 * Measured in headless Chromium (the repeat visit of make bench, from
 * navigation to data-ready="true"): the plain fetch against go-app's way,
 * medians 542 against 582 ms over 15 visits each, 511 against 561 over 12
 * (the two ways alternating in one browser); the cache read, with the
 * preload on first visits only, against the plain fetch, medians 281
 * against 429 ms over 5 visits each (one run each, at the same load).
 */
(function () {
  "use strict";
  const sw = navigator.serviceWorker;
  const script = document.currentScript;
  if (!script) {
    return;
  }
  const url = new URL("app.wasm", script.src).href;
  if (!sw || !sw.controller || !WebAssembly.instantiateStreaming) {
    // A first visit: start downloading app.wasm while the page parses, as
    // go-app's app.js asks for it only once the deferred scripts have run
    // (as=fetch with crossorigin matches app.js's fetch). A page the
    // worker controls reads app.wasm from its cache below instead: a
    // preload would stream the 10 MB through the worker for nothing.
    const link = document.createElement("link");
    link.rel = "preload";
    link.href = url;
    link.as = "fetch";
    link.type = "application/wasm";
    link.crossOrigin = "anonymous";
    document.head.appendChild(link);
    return;
  }
  const fetch = window.fetch;
  window.fetch = function (input, init) {
    if (typeof input !== "string" || new URL(input, location.href).href !== url) {
      return fetch.apply(this, arguments);
    }
    window.fetch = fetch; // app.js fetches app.wasm once
    return Promise.resolve(new Response(new Uint8Array(0), { headers: { "Content-Type": "application/wasm" } }));
  };
  const instantiateStreaming = WebAssembly.instantiateStreaming;
  WebAssembly.instantiateStreaming = function (standIn, imports) {
    WebAssembly.instantiateStreaming = instantiateStreaming;
    window.bounceDecoderPlainWasm = true; // for the end-to-end test
    // The worker answers with caches.match (see fetchWithCache in
    // app/worker.go), so the page looks in the same caches itself and only
    // asks the worker when they miss. Through the worker, the 10 MB took
    // about 200 ms to arrive; read here, about 70.
    const cached = window.caches ? caches.match(url).catch(() => undefined) : Promise.resolve(undefined);
    const source = cached.then((response) => {
      window.bounceDecoderWasmFrom = response ? "cache" : "worker"; // for the end-to-end test
      return response || fetch.call(window, url);
    });
    return instantiateStreaming.call(WebAssembly, source, imports);
  };
})();
