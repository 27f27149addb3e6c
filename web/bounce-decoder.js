/*
 * Bounce Decoder JavaScript API.
 *
 * Decodes a bounced mail (DSN, provider bounce, SMTP reply line, mail log
 * line) in the browser, with no network request other than loading this
 * script's WebAssembly file. Nothing you decode leaves the page.
 *
 *   <script src="https://APP/web/bounce-decoder.js"></script>
 *   <script>
 *     BounceDecoder.ready.then(function () {
 *       var report = BounceDecoder.decode("550 5.1.1 <bob@example.com>: User unknown");
 *       report.recipients[0].reply_code; // "550"
 *       report.recipients[0].status;     // "5.1.1"
 *       var s = report.recipients[0].spans[0];
 *       report.text.slice(s.start, s.end); // the highlighted token
 *     });
 *   </script>
 *
 * API (global BounceDecoder):
 *   ready        Promise resolved with BounceDecoder once the decoder runs;
 *                rejected with an Error if it cannot be loaded.
 *   decode(input)  input: string (pasted text) or Uint8Array (raw bytes of a
 *                .eml file). Returns the report object, the same JSON as the
 *                command line `decode` prints, except that span start/end are
 *                JavaScript string indices into report.text (UTF-16 code
 *                units) instead of UTF-8 byte offsets. On bad input the
 *                report is partial and has an "error" string member. Throws
 *                if called before `ready` has resolved.
 *   decodeAsync(input)  Promise of decode(input), waiting for ready.
 *   loaded       true once ready has resolved.
 *   version      the version of the result format ("1"), once loaded.
 *
 * Files are found relative to this script's own URL:
 *   bounce-decoder.wasm beside it (override: data-wasm="URL" on the script tag),
 *   Go's wasm_exec.js at ../wasm_exec.js, where the app serves it
 *   (override: data-wasm-exec="URL"); it is not loaded when the page already
 *   defines globalThis.Go.
 * Loaded from another origin, the app must send
 * Access-Control-Allow-Origin for bounce-decoder.wasm.
 */
(function () {
  "use strict";
  if (globalThis.BounceDecoder) {
    return;
  }

  var script = document.currentScript;
  if (!script || !script.src) {
    var all = document.querySelectorAll("script[src]");
    for (var i = all.length - 1; i >= 0; i--) {
      if (/bounce-decoder\.js(?:[?#]|$)/.test(all[i].src)) {
        script = all[i];
        break;
      }
    }
  }
  var here = script && script.src ? script.src : document.baseURI;
  var wasmURL = new URL((script && script.getAttribute("data-wasm")) || "bounce-decoder.wasm", here).href;
  var execURL = new URL((script && script.getAttribute("data-wasm-exec")) || "../wasm_exec.js", here).href;

  var goDecode = null;
  var stopped = null;

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = src;
      s.async = true;
      s.onload = function () { resolve(); };
      s.onerror = function () { reject(new Error("BounceDecoder: cannot load " + src)); };
      (document.head || document.documentElement).appendChild(s);
    });
  }

  function instantiate(go) {
    var resp = fetch(wasmURL, { credentials: "omit" }).then(function (r) {
      if (!r.ok) {
        throw new Error("BounceDecoder: cannot load " + wasmURL + ": HTTP " + r.status);
      }
      return r;
    });
    if (WebAssembly.instantiateStreaming) {
      return resp.then(function (r) {
        // instantiateStreaming needs Content-Type application/wasm; fall
        // back to bytes when a server sends something else.
        return WebAssembly.instantiateStreaming(r.clone(), go.importObject).catch(function () {
          return r.arrayBuffer().then(function (b) { return WebAssembly.instantiate(b, go.importObject); });
        });
      });
    }
    return resp.then(function (r) { return r.arrayBuffer(); }).then(function (b) {
      return WebAssembly.instantiate(b, go.importObject);
    });
  }

  var api = {
    loaded: false,
    version: "",
    wasmURL: wasmURL,
    ready: null,
    decode: function (input) {
      if (typeof input !== "string" && !(input instanceof Uint8Array)) {
        throw new TypeError("BounceDecoder.decode: input must be a string or a Uint8Array");
      }
      if (stopped) {
        throw stopped;
      }
      if (!goDecode) {
        throw new Error("BounceDecoder.decode: not ready yet; wait for BounceDecoder.ready");
      }
      return JSON.parse(goDecode(input, input.length));
    },
    decodeAsync: function (input) {
      return api.ready.then(function () { return api.decode(input); });
    }
  };

  api.ready = (typeof globalThis.Go === "function" ? Promise.resolve() : loadScript(execURL))
    .then(function () {
      if (typeof globalThis.Go !== "function") {
        throw new Error("BounceDecoder: " + execURL + " did not define Go");
      }
      var go = new globalThis.Go();
      return instantiate(go).then(function (result) {
        return new Promise(function (resolve, reject) {
          globalThis.__bounceDecoderReady = function () {
            delete globalThis.__bounceDecoderReady;
            goDecode = globalThis.__bounceDecoderDecode;
            api.version = globalThis.__bounceDecoderVersion;
            resolve();
          };
          go.run(result.instance).then(function () {
            stopped = new Error("BounceDecoder: the decoder stopped");
            reject(stopped);
          }, function (err) {
            stopped = new Error("BounceDecoder: the decoder crashed: " + err);
            reject(stopped);
          });
        });
      });
    })
    .then(function () {
      api.loaded = true;
      return api;
    });

  globalThis.BounceDecoder = api;
})();
