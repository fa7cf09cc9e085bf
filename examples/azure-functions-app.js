// Azure Functions (Node.js v4 programming model): the smoke endpoint as an HTTP function.
// authLevel 'anonymous': the handler authenticates callers itself (MI_SMOKE_KEY or App Service authentication).
// Functions puts HTTP functions under /api: the target is https://<app>.azurewebsites.net/api/mi-smoke.
const { app } = require('@azure/functions')
const { createAzureFunctionsHandler } = require('@mi-smoke/smoke-endpoint')

app.http('mi-smoke', {
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: createAzureFunctionsHandler()
})
