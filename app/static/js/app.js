/* Behaviour for every page, wired by data attributes (the CSP allows no inline script). */
(function () {
  "use strict";

  // <form data-confirm="Текст?">: ask before posting.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute && form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });

  // <form data-busy="Загружается…">: a slow request (an upload, an archive, issuing) — its submit buttons are disabled
  // and the pressed one shows a spinner and the text, so nobody sends it twice or wonders whether it went.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (event.defaultPrevented || !form.hasAttribute || !form.hasAttribute("data-busy")) {
      return;
    }
    var pressed = event.submitter;
    window.setTimeout(function () {  // after the browser has read the pressed button's name and value
      form.querySelectorAll('button[type="submit"], input[type="submit"]').forEach(function (button) {
        button.disabled = true;
      });
      form.setAttribute("aria-busy", "true");
      if (pressed && pressed.tagName === "BUTTON") {
        var spinner = document.createElement("span");
        spinner.className = "spinner-border spinner-border-sm me-1";
        spinner.setAttribute("aria-hidden", "true");
        pressed.textContent = " " + form.getAttribute("data-busy");
        pressed.prepend(spinner);
      }
      var status = form.querySelector("[data-busy-status]");
      if (status) {
        status.textContent = form.getAttribute("data-busy");
      }
    }, 0);
  });

  document.querySelectorAll("form[data-busy]").forEach(function (form) {  // a polite live region, ready before it speaks
    var status = document.createElement("span");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    status.setAttribute("data-busy-status", "");
    form.appendChild(status);
  });

  // A progress bar: <div role="progressbar" data-progress="40">; the width set from script, not a style attribute,
  // and aria-valuenow on the same element that has the role.
  window.nastavSetProgress = function (bar, percent) {
    var value = Math.max(0, Math.min(100, parseInt(percent, 10) || 0));
    var fill = bar.classList.contains("progress-bar") ? bar : bar.querySelector(".progress-bar");
    var meter = bar.getAttribute("role") === "progressbar" ? bar : bar.closest('[role="progressbar"]') || bar;
    fill.style.width = value + "%";
    fill.textContent = value + "%";
    meter.setAttribute("aria-valuenow", value);
    meter.setAttribute("aria-valuetext", value + "%");
  };
  document.querySelectorAll("[data-progress]").forEach(function (bar) {
    window.nastavSetProgress(bar, bar.getAttribute("data-progress"));
  });

  // <button data-check-all="2"> in a table of radio buttons: check that value in every row (a commission
  // member's scores: one click for the common case, then the exceptions by hand).
  document.querySelectorAll("[data-check-all]").forEach(function (button) {
    button.addEventListener("click", function () {
      var value = button.getAttribute("data-check-all");
      button.closest("table").querySelectorAll('input[type="radio"]').forEach(function (radio) {
        if (radio.value === value) { radio.checked = true; }
      });
    });
  });

  // The skip link: focus the page's content without putting #content into the address (a form posted from there
  // would come back scrolled to it and lose the focus given to its errors).
  document.querySelectorAll(".skip-link").forEach(function (link) {
    link.addEventListener("click", function (event) {
      var target = document.getElementById(link.getAttribute("href").slice(1));
      if (target) {
        event.preventDefault();
        target.focus();
      }
    });
  });

  // A form sent back with errors: focus its error summary (a screen reader reads it out), or else the first field
  // marked invalid; a link of the summary moves focus to its field, not just the scroll position.
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {  // list the errors in the order the fields come on the page, not the form's declaration order
    var list = summary.querySelector("ul");
    var fieldOf = function (item) {
      var link = item.querySelector("[data-error-link]");
      return link && document.getElementById(link.getAttribute("href").slice(1));
    };
    var items = list ? Array.prototype.slice.call(list.children) : [];
    items.sort(function (a, b) {
      var first = fieldOf(a), second = fieldOf(b);
      if (!first || !second) { return first ? 1 : (second ? -1 : 0); }
      return first.compareDocumentPosition(second) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    }).forEach(function (item) { list.appendChild(item); });
  }
  var firstInvalid = document.querySelector('main [aria-invalid="true"]');
  if (summary) {
    summary.focus();
  } else if (firstInvalid) {
    firstInvalid.focus();
  }
  document.querySelectorAll("[data-error-link]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      var target = document.getElementById(link.getAttribute("href").slice(1));
      if (target) {
        event.preventDefault();
        target.focus();
        target.scrollIntoView({block: "center"});
      }
    });
  });

  // Menus and other Bootstrap behaviour are wired (bootstrap.js runs before this file): say so, so that
  // browser tests wait for it instead of racing the scripts.
  document.documentElement.setAttribute("data-js-ready", "1");
})();
