// The floor of the local pass, for scripts/bench.ts: the runbook's three requests (instance
// metadata, token, one ARM call) with node:http and nothing else: no inputs, no diagnosis, no
// report. Whatever the action costs above this is its own.
const http = require('node:http')

function get(url, headers) {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, response => {
        let body = ''
        response.on('data', chunk => (body += chunk))
        response.on('end', () => resolve(body))
      })
      .on('error', reject)
  })
}

async function main() {
  const imds = process.env.IMDS
  const metadata = { Metadata: 'true' }
  const instance = JSON.parse(
    await get(`${imds}/metadata/instance?api-version=2021-02-01`, metadata)
  )
  const resource = encodeURIComponent('https://management.azure.com/')
  const token = JSON.parse(
    await get(
      `${imds}/metadata/identity/oauth2/token?api-version=2018-02-01&resource=${resource}`,
      metadata
    )
  ).access_token
  const sub = instance.compute.subscriptionId
  await get(`${process.env.API}/subscriptions/${sub}/resourcegroups?api-version=2021-04-01`, {
    Authorization: `Bearer ${token}`
  })
}

main().catch(error => {
  console.error(error.message)
  process.exit(1)
})
