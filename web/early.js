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
