// Live character counter for inputs with data-counter="limit" (the software form's limits).
(function () {
  "use strict";
  function attach(input) {
    if (input.dataset.counterReady) return;
    input.dataset.counterReady = "1";
    var limit = parseInt(input.dataset.counter, 10);
    var out = document.createElement("span");
    out.className = "char-counter helptext";
    out.setAttribute("aria-live", "polite");
    input.insertAdjacentElement("afterend", out);
    function update() {
      var n = Array.from(input.value.trim()).length;
      out.textContent = n + " / " + limit;
      out.classList.toggle("over", n > limit);
    }
    input.addEventListener("input", update);
    update();
  }
  function scan(root) {
    root.querySelectorAll("[data-counter]").forEach(attach);
  }
  document.addEventListener("DOMContentLoaded", function () { scan(document); });
  document.addEventListener("htmx:afterSwap", function (e) { scan(e.target); });
})();
