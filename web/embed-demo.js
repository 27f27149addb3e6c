// Script of embed-demo.html: the JavaScript API used programmatically.
// It builds the result with DOM nodes and textContent only: the decoded text
// is never interpreted as HTML.
(function () {
  "use strict";
  var form = document.getElementById("api-form");
  var input = document.getElementById("api-input");
  var status = document.getElementById("api-status");
  var out = document.getElementById("api-result");

  function el(tag, text, attrs) {
    var e = document.createElement(tag);
    if (text !== undefined) {
      e.textContent = text;
    }
    for (var k in attrs || {}) {
      e.setAttribute(k, attrs[k]);
    }
    return e;
  }

  // highlight returns report.text with every span as a <mark data-kind>;
  // a span inside another (a status inside a diagnostic) is nested in its
  // mark, and a span that overlaps an earlier one without nesting is left
  // out.
  function highlight(report) {
    var spans = [];
    report.recipients.forEach(function (r) {
      r.spans.forEach(function (s) {
        if (s.end > s.start) {
          spans.push(s);
        }
      });
    });
    spans.sort(function (a, b) { return a.start - b.start || b.end - a.end; });
    var p = el("p", undefined, { "class": "text" });
    fillRange(p, report.text, 0, report.text.length, spans);
    return p;
  }

  // fillRange appends text[start:end] to parent with the spans inside that
  // range (sorted by start, longest first) as nested marks.
  function fillRange(parent, text, start, end, spans) {
    var at = start;
    for (var i = 0; i < spans.length; i++) {
      var s = spans[i];
      if (s.start < at || s.end > end) {
        continue; // overlaps one already placed, or a duplicate
      }
      parent.appendChild(document.createTextNode(text.slice(at, s.start)));
      var mark = el("mark", undefined, { "data-kind": s.kind, title: s.kind.replace("_", " ") });
      fillRange(mark, text, s.start, s.end, spans.slice(i + 1).filter(function (c) {
        return c.start >= s.start && c.end <= s.end && (c.start > s.start || c.end < s.end || c.kind !== s.kind);
      }));
      parent.appendChild(mark);
      at = s.end;
    }
    parent.appendChild(document.createTextNode(text.slice(at, end)));
  }

  function render(report) {
    out.textContent = "";
    if (report.error) {
      out.appendChild(el("p", "Error: " + report.error, { "data-error": "" }));
    }
    if (!report.recipients.length) {
      out.appendChild(el("p", report.note || "No bounce found.", { "data-result": "none" }));
      return;
    }
    var table = el("table");
    var head = el("tr");
    ["Recipient", "Reply", "Status", "Reason", "Retry", "Summary"].forEach(function (h) {
      head.appendChild(el("th", h, { scope: "col" }));
    });
    table.appendChild(head);
    report.recipients.forEach(function (r) {
      var tr = el("tr", undefined, { "data-reply-code": r.reply_code, "data-status": r.status });
      [r.recipient, r.reply_code, r.status, r.reason, r.retry, r.summary].forEach(function (v) {
        tr.appendChild(el("td", v || "–"));
      });
      table.appendChild(tr);
    });
    out.appendChild(table);
    out.appendChild(highlight(report));
  }

  function decode() {
    try {
      render(BounceDecoder.decode(input.value));
    } catch (err) {
      out.textContent = "";
      out.appendChild(el("p", String(err), { "data-error": "" }));
    }
  }

  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    decode();
  });

  if (!window.BounceDecoder) {
    status.textContent = "bounce-decoder.js did not load.";
    return;
  }
  BounceDecoder.ready.then(function () {
    status.textContent = "Decoder ready.";
    document.body.setAttribute("data-api-ready", "true");
    decode();
  }, function (err) {
    status.textContent = "The decoder could not start: " + err.message;
    document.body.setAttribute("data-api-ready", "false");
  });
})();
