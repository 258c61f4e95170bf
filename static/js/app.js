// Send Django's CSRF token with every htmx request.
document.addEventListener("htmx:configRequest", (event) => {
  const token = document.cookie.split("; ").find((c) => c.startsWith("csrftoken="));
  if (token) event.detail.headers["X-CSRFToken"] = token.split("=")[1];
});

// Forms that need a confirmation carry data-confirm="question" (no inline handlers: the CSP forbids them).
document.addEventListener("submit", (event) => {
  const question = event.target.dataset?.confirm;
  if (question && !window.confirm(question)) event.preventDefault();
});

// Copy buttons: <button data-copy-target="#input-id"> copies that field's value (invitation links and the like),
// selecting it as a fallback where the clipboard API is unavailable (plain http).
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-copy-target]");
  if (!button) return;
  const field = document.querySelector(button.dataset.copyTarget);
  if (!field) return;
  field.select();
  const done = () => { button.dataset.copied = "true"; button.textContent = "Copied"; };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(field.value).then(done, () => { document.execCommand("copy"); done(); });
  } else {
    document.execCommand("copy");
    done();
  }
});

// Lists that become cards on phones: a <table class="table-stack"> gets each header's text as data-label on the
// cells that have none, which static/css/app.css shows before the value on a phone (the key figures and actions then
// sit in view instead of off to the right). Run on load and on every htmx swap.
function labelStackedTables(root) {
  root.querySelectorAll("table.table-stack").forEach((table) => {
    const labels = [...table.querySelectorAll("thead th")].map((th) => th.textContent.trim());
    table.querySelectorAll("tbody tr").forEach((row) => {
      [...row.children].forEach((cell, index) => {
        if (labels[index] && !cell.dataset.label && !cell.hasAttribute("colspan")) cell.dataset.label = labels[index];
      });
    });
  });
}
document.addEventListener("DOMContentLoaded", () => labelStackedTables(document));
document.addEventListener("htmx:afterSwap", (event) => labelStackedTables(event.target));
