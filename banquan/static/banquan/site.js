// A submit button is disabled once its form is sent, so a double click sends one request.
document.addEventListener("submit", function (event) {
  const form = event.target;
  if (form.dataset.sent === "1") { event.preventDefault(); return; }
  form.dataset.sent = "1";
  form.querySelectorAll("button[type=submit], button:not([type])").forEach(function (b) {
    setTimeout(function () { b.disabled = true; }, 0);
  });
});
