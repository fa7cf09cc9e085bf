// A minimal app serving the mi-smoke smoke endpoint with node:http.
// Settings: MI_SMOKE_KEY (the secret the workflow passes as endpoint-key), PORT; MI_SMOKE_REHEARSAL to
// rehearse against the emulator (npm run emulator prints it).
const http = require('node:http')
const { createNodeHandler } = require('@mi-smoke/smoke-endpoint')

const smoke = createNodeHandler()

http
  .createServer((req, res) => {
    if (req.url === '/mi-smoke') return smoke(req, res)
    res.end('hello')
  })
  .listen(process.env.PORT || 8080)
