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
