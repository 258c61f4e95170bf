// Send Django's CSRF token with every htmx request.
document.addEventListener("htmx:configRequest", (event) => {
  const token = document.cookie.split("; ").find((c) => c.startsWith("csrftoken="));
  if (token) event.detail.headers["X-CSRFToken"] = token.split("=")[1];
});
