/* The document engine's pages: the ZIP archive's progress bar, polled while the server builds it. The status line is a
   polite live region: it is rewritten only when it changes, so a screen reader hears each step once. */
(function () {
  "use strict";

  var box = document.querySelector("[data-archive-status-url]");
  if (!box) {
    return;
  }
  var bar = box.querySelector(".progress-bar");
  var text = box.querySelector("[data-archive-text]");
  var link = box.querySelector("[data-archive-download]");
  var failure = box.querySelector("[data-archive-error]");

  function show(job) {
    window.nastavSetProgress(bar, job.percent);
    var line = job.label + ": " + job.done + " из " + job.total;
    if (text.textContent !== line) {
      text.textContent = line;
    }
    if (job.status === "done") {
      bar.classList.remove("progress-bar-animated", "progress-bar-striped");
      link.href = job.download_url;
      link.classList.remove("d-none");
      return true;
    }
    if (job.status === "failed") {
      bar.classList.remove("progress-bar-animated");
      bar.classList.add("bg-danger");
      failure.setAttribute("role", "alert");
      failure.textContent = job.error;
      failure.classList.remove("d-none");
      return true;
    }
    return false;
  }

  function poll() {
    fetch(box.getAttribute("data-archive-status-url"), {
      credentials: "same-origin",
      headers: {"Accept": "application/json"}
    })
      .then(function (response) { return response.json(); })
      .then(function (job) {
        if (!show(job)) {
          window.setTimeout(poll, 500);
        }
      })
      .catch(function () { window.setTimeout(poll, 2000); });
  }

  poll();
})();
