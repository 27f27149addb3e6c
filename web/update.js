/*
 * Bounce Decoder: tells the page when a new version has taken over.
 *
 * go-app's app.js learns of a new version from the service worker
 * registration's "updatefound" event, but it listens only once its
 * navigator.serviceWorker.register() call has resolved. The browser checks
 * for a new worker on every navigation, so a fast check can find, install
 * and activate the new worker before that listener exists, and the update
 * prompt never shows (seen in CI: TestUIE2E/offline_and_update).
 *
 * This script asks the controlling worker for its version (app/worker.go
 * answers "bounce-decoder:version" messages) when the page loads and whenever
 * the controller changes; when it differs from the version this page was
 * served with, it calls goappOnUpdate, as app.js would have. It also asks the
 * browser to look for a new version when the page becomes visible again and
 * once an hour, so a tab left open learns of updates too.
 */
(function () {
  "use strict";
  if (!("serviceWorker" in navigator)) {
    return;
  }
  const sw = navigator.serviceWorker;

  function workerVersion(worker) {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      const timer = setTimeout(() => resolve(""), 5000);
      channel.port1.onmessage = (event) => {
        clearTimeout(timer);
        resolve(typeof event.data === "string" ? event.data : "");
      };
      worker.postMessage({ type: "bounce-decoder:version" }, [channel.port2]);
    });
  }

  let told = false;
  async function check() {
    const worker = sw.controller;
    if (told || !worker || typeof goappGetenv !== "function") {
      return;
    }
    const version = await workerVersion(worker);
    if (version && version !== goappGetenv("GOAPP_VERSION") && !told) {
      told = true;
      goappOnUpdate();
    }
  }

  function tryUpdate() {
    sw.getRegistration().then((r) => r && r.update()).catch(() => {});
  }

  sw.addEventListener("controllerchange", check);
  if (document.readyState === "complete") {
    check();
  } else {
    window.addEventListener("load", check);
  }
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") {
      tryUpdate();
    }
  });
  setInterval(tryUpdate, 60 * 60 * 1000);
})();
