// Starts Swagger UI on the API reference page (an external file: the CSP forbids inline scripts).
// No validator badge: it would send the OpenAPI document to validator.swagger.io.
const root = document.getElementById("swagger-ui");
window.SwaggerUIBundle({
  url: root.dataset.openapiUrl,
  domNode: root,
  validatorUrl: null,
  deepLinking: false,
  presets: [window.SwaggerUIBundle.presets.apis, window.SwaggerUIBundle.SwaggerUIStandalonePreset],
  layout: "BaseLayout",
});
