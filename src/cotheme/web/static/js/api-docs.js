// Starts Swagger UI on the API reference page (an external file: the CSP forbids inline scripts).
// No validator badge: it would send the OpenAPI document to validator.swagger.io.
const root = document.getElementById("swagger-ui");

// "Try it out" sends the session's CSRF token, as the pages' own requests do, so changes are not refused.
function withCsrf(request) {
  const found = document.cookie.match(/(?:^|;\s*)cotheme_csrf=([^;]*)/);
  if (found) request.headers["X-CSRF-Token"] = decodeURIComponent(found[1]);
  return request;
}

window.SwaggerUIBundle({
  url: root.dataset.openapiUrl,
  domNode: root,
  validatorUrl: null,
  deepLinking: false,
  docExpansion: "none", // one line per group of routes: the page stays short until a group is opened
  requestInterceptor: withCsrf,
  presets: [window.SwaggerUIBundle.presets.apis, window.SwaggerUIBundle.SwaggerUIStandalonePreset],
  layout: "BaseLayout",
});
