// Azure Functions (Node.js v4 programming model): the smoke endpoint as an HTTP function.
// authLevel 'anonymous': the handler authenticates callers itself (MI_SMOKE_KEY or App Service authentication).
const { app } = require('@azure/functions')
const { createAzureFunctionsHandler } = require('mi-smoke/probe')

app.http('mi-smoke', {
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: createAzureFunctionsHandler()
})
