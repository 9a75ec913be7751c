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

  // <div class="progress-bar" data-progress="40">: the width set from script, not a style attribute.
  window.nastavSetProgress = function (bar, percent) {
    bar.style.width = percent + "%";
    bar.setAttribute("aria-valuenow", percent);
    bar.textContent = percent + "%";
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

  // <select data-autosubmit>: filters apply as soon as they change.
  document.querySelectorAll("[data-autosubmit]").forEach(function (el) {
    el.addEventListener("change", function () { el.form.submit(); });
  });

  // Menus and other Bootstrap behaviour are wired (bootstrap.js runs before this file): say so, so that
  // browser tests wait for it instead of racing the scripts.
  document.documentElement.setAttribute("data-js-ready", "1");
})();
