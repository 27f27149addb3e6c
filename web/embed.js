/*
 * Bounce Decoder embed script.
 *
 * In a docs page:
 *
 *   <div data-bounce-decoder data-theme="dark"
 *        data-text="550 5.1.1 <bob@example.com>: User unknown"></div>
 *   <script src="https://APP/web/embed.js"></script>
 *
 * Each element with the data-bounce-decoder attribute gets an iframe of the
 * app's /embed page (a compact decoder), sized to its content. The app's
 * address is taken from this script's own URL: APP/web/embed.js → APP/embed,
 * also when APP has a path (https://host/tools/bounce/web/embed.js →
 * https://host/tools/bounce/embed).
 *
 * Options (attributes of the element):
 *   data-theme="light|dark"  → /embed?theme=light|dark (else the reader's
 *                              prefers-color-scheme)
 *   data-text="..."          → initial text, in the URL fragment (below), so it
 *                              is never sent to any server
 *   data-title="..."         → the iframe's accessible title
 *                              (default "Bounce decoder")
 *   data-height="400"        → initial height in CSS pixels before the page
 *                              reports its own
 * Elements added later: call BounceDecoderEmbed.scan(). Each element is
 * turned into a widget once (it then carries data-bounce-decoder-ready).
 *
 * CONTRACT with the /embed page (app side), shared with the share link:
 *
 * 1. Initial text fragment:  #t=<base64url of deflate-raw of the UTF-8 text>
 *    - deflate-raw as CompressionStream("deflate-raw") writes it (RFC 1951,
 *      no zlib or gzip header); decode with DecompressionStream("deflate-raw");
 *    - base64url is RFC 4648 section 5 ("-" and "_"), without "=" padding;
 *    - the fragment may carry other parameters, "&"-separated
 *      (URLSearchParams syntax); t is the only one defined here.
 *    The same format is used by the app's share links (/#t=...).
 *
 * 2. Height message: the /embed page posts to its parent window
 *      window.parent.postMessage({type: "bounce-decoder:height", height: N}, "*")
 *    with N the document's content height in CSS pixels (a number), once
 *    rendered and again whenever it changes (ResizeObserver). This script
 *    accepts it only from the app's origin and from the window of one of its
 *    own iframes, and sets that iframe's height to N (bounded to 100..10000).
 *    The message carries no pasted text.
 */
(function () {
  "use strict";
  if (globalThis.BounceDecoderEmbed) {
    globalThis.BounceDecoderEmbed.scan();
    return;
  }

  var MESSAGE = "bounce-decoder:height";
  var MIN_HEIGHT = 100;
  var MAX_HEIGHT = 10000;

  var script = document.currentScript;
  if (!script || !script.src) {
    var all = document.querySelectorAll("script[src]");
    for (var i = all.length - 1; i >= 0; i--) {
      if (/\/embed\.js(?:[?#]|$)/.test(all[i].src)) {
        script = all[i];
        break;
      }
    }
  }
  // APP/web/embed.js → APP/embed
  var scriptURL = script && script.src ? script.src : document.baseURI;
  var embedURL = new URL("../embed", scriptURL);
  var appOrigin = embedURL.origin;

  var frames = [];

  function base64url(bytes) {
    var s = "";
    for (var i = 0; i < bytes.length; i += 0x8000) {
      s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    }
    return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  // encodeText returns a Promise of the fragment value for text.
  function encodeText(text) {
    if (typeof CompressionStream !== "function") {
      return Promise.reject(new Error("CompressionStream is not supported by this browser"));
    }
    var stream = new Blob([new TextEncoder().encode(text)]).stream()
      .pipeThrough(new CompressionStream("deflate-raw"));
    return new Response(stream).arrayBuffer().then(function (buf) {
      return base64url(new Uint8Array(buf));
    });
  }

  function frameURL(el) {
    var u = new URL(embedURL.href);
    var theme = el.getAttribute("data-theme");
    if (theme === "light" || theme === "dark") {
      u.searchParams.set("theme", theme);
    }
    var text = el.getAttribute("data-text");
    if (!text) {
      return Promise.resolve(u.href);
    }
    return encodeText(text).then(function (t) {
      u.hash = "t=" + t;
      return u.href;
    }, function (err) {
      if (globalThis.console) {
        console.warn("bounce decoder embed: data-text ignored: " + err.message);
      }
      return u.href;
    });
  }

  function mount(el) {
    if (el.hasAttribute("data-bounce-decoder-ready")) {
      return;
    }
    el.setAttribute("data-bounce-decoder-ready", "loading");
    var iframe = document.createElement("iframe");
    iframe.title = el.getAttribute("data-title") || "Bounce decoder";
    iframe.setAttribute("referrerpolicy", "no-referrer");
    iframe.setAttribute("allow", "clipboard-write");
    iframe.setAttribute("loading", "lazy");
    var h = parseInt(el.getAttribute("data-height"), 10);
    iframe.style.cssText = "display:block;width:100%;border:0;overflow:hidden;height:" +
      (h >= MIN_HEIGHT && h <= MAX_HEIGHT ? h : 420) + "px";
    frames.push(iframe);
    frameURL(el).then(function (src) {
      iframe.src = src;
      el.appendChild(iframe);
      el.setAttribute("data-bounce-decoder-ready", "true");
    });
  }

  function scan(root) {
    var els = (root || document).querySelectorAll("[data-bounce-decoder]");
    for (var i = 0; i < els.length; i++) {
      mount(els[i]);
    }
  }

  window.addEventListener("message", function (ev) {
    if (ev.origin !== appOrigin) {
      return;
    }
    var d = ev.data;
    if (!d || typeof d !== "object" || d.type !== MESSAGE || typeof d.height !== "number" || !isFinite(d.height)) {
      return;
    }
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === ev.source) {
        var h = Math.ceil(Math.min(Math.max(d.height, MIN_HEIGHT), MAX_HEIGHT));
        frames[i].style.height = h + "px";
        frames[i].setAttribute("data-height", String(h));
        return;
      }
    }
  });

  globalThis.BounceDecoderEmbed = {
    scan: scan,
    embedURL: embedURL.href,
    encodeText: encodeText
  };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { scan(); });
  } else {
    scan();
  }
})();
