// A minimal Express app serving the mi-smoke smoke endpoint.
// Settings: MI_SMOKE_KEY (the secret the workflow passes as endpoint-key), PORT; MI_SMOKE_REHEARSAL to
// rehearse against the emulator (npm run emulator prints it).
// With App Service authentication instead of a key: createExpressMiddleware({ appServiceAuth: { audiences: ['api://my-app'] } })
const express = require('express')
const { createExpressMiddleware } = require('@mi-smoke/smoke-endpoint')

const app = express()
app.post('/mi-smoke', createExpressMiddleware())
app.get('/', (_req, res) => res.send('hello'))
app.listen(process.env.PORT || 8080)
