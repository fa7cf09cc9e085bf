/**
 * The sidecar's Dockerfile (packages/smoke-endpoint/Dockerfile), checked without Docker (CI builds
 * the image, job sidecar-image): its base image is a pinned Node major, it runs as a user other
 * than root, and every file it copies exists after `npm run build`. Also the deployment examples
 * (examples/sidecar/): the key comes from a secret and the ingress reaches the sidecar's port.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseAllDocuments, parse } from 'yaml'

const root = join(__dirname, '..', '..')
const dockerfile = readFileSync(join(root, 'packages', 'smoke-endpoint', 'Dockerfile'), 'utf8')
/** Instructions, continuation lines joined, comments dropped. */
const instructions = dockerfile
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map(line => line.trim())
  .filter(line => line !== '' && !line.startsWith('#'))
const nodeVersion = readFileSync(join(root, '.node-version'), 'utf8').trim()

test('the base image is a pinned Node major, the one .node-version names', () => {
  const from = instructions.filter(line => /^FROM\s/i.test(line))
  expect(from).toHaveLength(1)
  expect(from[0]).toMatch(
    new RegExp(`^FROM node:${nodeVersion}(-[a-z0-9.]+)?(@sha256:[0-9a-f]{64})?$`)
  )
})

test('it runs as a user other than root', () => {
  const users = instructions.filter(line => /^USER\s/i.test(line)).map(line => line.split(/\s+/)[1])
  expect(users.length).toBeGreaterThan(0)
  expect(['root', '0', '0:0']).not.toContain(users[users.length - 1])
})

test('every file it copies exists after npm run build, and it starts the built server', () => {
  const sources = instructions
    .filter(line => /^COPY\s/i.test(line))
    .map(line =>
      line
        .split(/\s+/)
        .slice(1, -1)
        .filter(part => !part.startsWith('--'))
    )
    .flat()
  expect(sources).toContain('packages/smoke-endpoint/dist/server')
  for (const source of sources)
    expect([source, existsSync(join(root, source))]).toEqual([source, true])
  const manifest = JSON.parse(
    readFileSync(join(root, 'packages', 'smoke-endpoint', 'package.json'), 'utf8')
  ) as { bin: Record<string, string> }
  expect(
    existsSync(join(root, 'packages', 'smoke-endpoint', Object.values(manifest.bin)[0] ?? ''))
  ).toBe(true)
  expect(instructions).toContain('CMD ["node", "dist/server/index.js"]')
})

interface K8sObject {
  kind: string
  metadata: { annotations?: Record<string, string> }
  spec: Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
}

test('AKS: workload identity on the service account and the pod, the key from a secret, an ingress to the sidecar', () => {
  const docs = parseAllDocuments(
    readFileSync(join(root, 'examples', 'sidecar', 'aks.yaml'), 'utf8')
  ).map(d => d.toJS() as K8sObject)
  const kind = (k: string): K8sObject | undefined => docs.find(d => d.kind === k)
  expect(
    kind('ServiceAccount')?.metadata.annotations?.['azure.workload.identity/client-id']
  ).toBeDefined()
  const pod = kind('Deployment')?.spec['template']
  expect(pod.metadata.labels['azure.workload.identity/use']).toBe('true')
  const sidecar = pod.spec.containers.find((c: { name: string }) => c.name === 'mi-smoke')
  expect(sidecar.env).toContainEqual({
    name: 'MI_SMOKE_KEY',
    valueFrom: { secretKeyRef: { name: 'mi-smoke-key', key: 'key' } }
  })
  expect(sidecar.ports[0].containerPort).toBe(8080)
  const rule = kind('Ingress')?.spec['rules'][0].http.paths[0]
  expect(rule.path).toBe('/mi-smoke')
  expect(rule.backend.service.name).toBe('web-mi-smoke')
  expect(kind('Ingress')?.spec['tls']).toBeDefined()
})

test('Container Apps: the key as a secret, an HTTPS ingress to the endpoint', () => {
  const app = parse(readFileSync(join(root, 'examples', 'sidecar', 'container-apps.yaml'), 'utf8'))
  const { configuration, template } = app.properties
  expect(configuration.secrets.map((s: { name: string }) => s.name)).toContain('mi-smoke-key')
  expect(configuration.ingress).toMatchObject({ targetPort: 8080, allowInsecure: false })
  expect(template.containers[0].env).toContainEqual({
    name: 'MI_SMOKE_KEY',
    secretRef: 'mi-smoke-key'
  })
  expect(app.identity.type).toBe('UserAssigned')
})
