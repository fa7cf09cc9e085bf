/**
 * One canonical URL, as a property: for generated check URLs (backslashes, `@`, `%`-escapes,
 * brackets, dots, ports, unicode), either the runner refuses the line before anything is
 * dispatched, or the host that curl, GNU wget and python3 connect to, given the URL the runner
 * sends (its canonical serialisation), is exactly the host the runner validated. .NET's
 * `System.Uri` (what the PowerShell probe uses) is asked too when pwsh is installed.
 *
 * Where each client connects is observed without any network: every client is pointed at a
 * loopback HTTP proxy, which records the `CONNECT host:port` the client asks for and refuses it,
 * so nothing leaves the proxy even outside a network namespace. pwsh parses with `System.Uri`
 * alone (no request).
 */
import { spawn, spawnSync } from 'node:child_process'
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { canonicalUrl, parseSecureUrl } from '../src/engine/inputs/url-rules'
import { describeWithTools, findTool } from './helpers/system-tools'

jest.setTimeout(300_000)

describeWithTools(
  ['curl', 'wget', 'python3'],
  'URL clients connect to the host the runner validated',
  () => {
    let proxy: Server
    let proxyPort = 0
    let asked: string[] = []
    let dir: string

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'mi-smoke-url-clients-'))
      proxy = createServer((socket: Socket) => {
        let head = ''
        socket.on('data', (chunk: Buffer) => {
          head += chunk.toString('latin1')
          const end = head.indexOf('\r\n')
          if (end === -1) return
          const [method, target] = head.slice(0, end).split(' ')
          asked.push(method === 'CONNECT' ? (target ?? '') : `not CONNECT: ${head.slice(0, end)}`)
          socket.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n')
        })
        socket.on('error', () => undefined)
      })
      await new Promise<void>(done => proxy.listen(0, '127.0.0.1', done))
      proxyPort = (proxy.address() as AddressInfo).port
    })
    afterAll(async () => {
      await new Promise(done => proxy.close(done))
      rmSync(dir, { recursive: true, force: true })
    })

    /** Only what each client needs: no proxy or no_proxy of the host's, no identity variables. */
    const env = (): NodeJS.ProcessEnv => ({ PATH: process.env['PATH'], HOME: dir })

    /** Where `client` asked the proxy to connect for `url` (undefined: it refused the URL itself). */
    // Asynchronous: the proxy runs in this process and must answer while the client waits.
    async function connectTarget(
      client: 'curl' | 'wget' | 'python3',
      url: string
    ): Promise<string | undefined> {
      asked = []
      const proxyUrl = `http://127.0.0.1:${proxyPort}`
      const args: Record<typeof client, [string, string[]]> = {
        // --globoff: how the probe runs curl (a bracket can only be an IPv6 literal by then).
        curl: [
          'curl',
          ['-sS', '-g', '-o', '/dev/null', '--max-time', '5', '-x', proxyUrl, '--url', url]
        ],
        wget: [
          'wget',
          [
            '-q',
            '-O',
            '/dev/null',
            '--tries=1',
            '--timeout=5',
            '-e',
            'use_proxy=yes',
            '-e',
            `https_proxy=${proxyUrl}`,
            url
          ]
        ],
        python3: [
          'python3',
          [
            '-c',
            'import sys, urllib.request as u\n' +
              'o = u.build_opener(u.ProxyHandler({"https": sys.argv[2]}))\n' +
              'try:\n  o.open(sys.argv[1], timeout=5)\nexcept Exception as e:\n  pass\n',
            url,
            proxyUrl
          ]
        ]
      }
      const [command, argv] = args[client]
      await new Promise<void>(done => {
        const child = spawn(command, argv, { env: env(), stdio: 'ignore', timeout: 20_000 })
        child.on('close', () => done())
        child.on('error', () => done())
      })
      return asked[0]
    }

    /** `host:port` as the proxy sees it, for the URL the runner validated. */
    function expectedTarget(url: URL): string {
      return `${url.hostname}:${url.port || '443'}`.toLowerCase()
    }

    /**
     * A CONNECT authority with its IPv6 brackets put back: wget and python3 write `::1:443`
     * (RFC 9110 asks for `[::1]:443`); the host is the same, the spelling differs.
     */
    function bracketed(authority: string): string {
      const colon = authority.lastIndexOf(':')
      const host = authority.slice(0, colon)
      return host.includes(':') && !host.startsWith('[')
        ? `[${host}]${authority.slice(colon)}`
        : authority
    }

    const piece = fc.constantFrom(
      'management.azure.com',
      'vault.azure.net',
      'a.example',
      'xn--bcher-kva.example',
      'bücher.example',
      '\\',
      '@',
      ':',
      ':443',
      ':8443',
      ':0443',
      '.',
      '..',
      '%2e',
      '%40',
      '%5c',
      '%2F',
      '[',
      ']',
      '[::1]',
      '127.1',
      '0x7f.0.0.1',
      '2130706433',
      '127.0.0.1',
      '/',
      '/x',
      '?a=1',
      '#f',
      'x',
      '\t',
      'ａ'
    )
    const anyPieces = fc
      .tuple(fc.array(piece, { minLength: 1, maxLength: 5 }), fc.array(piece, { maxLength: 4 }))
      .map(
        ([host, rest]) => `https://${host.join('')}${rest.length > 0 ? '/' : ''}${rest.join('')}`
      )
    // Half the lines start with a plain host, so that many are accepted and their clients asked.
    const plainStart = fc
      .tuple(
        fc.constantFrom(
          'management.azure.com',
          'a.example',
          '127.0.0.1',
          '[::1]',
          'xn--bcher-kva.example'
        ),
        fc.constantFrom('', ':443', ':8443', '.'),
        fc.array(piece, { maxLength: 5 })
      )
      .map(([host, port, rest]) => `https://${host}${port}/${rest.join('')}`)
    const candidate = fc.oneof(anyPieces, plainStart)

    test('refused before dispatch, or every client connects to the validated host', async () => {
      const accepted: Array<{ text: string; sent: string; expected: string }> = []
      const mismatches: string[] = []
      await fc.assert(
        fc.asyncProperty(candidate, async text => {
          const parsed = parseSecureUrl(text)
          if (!parsed.ok) return
          const sent = canonicalUrl(parsed.url)
          const expected = expectedTarget(parsed.url)
          accepted.push({ text, sent, expected })
          for (const client of ['curl', 'wget', 'python3'] as const) {
            const raw = (await connectTarget(client, sent))?.toLowerCase()
            const target = raw === undefined ? undefined : bracketed(raw)
            // A client that refuses the URL outright connects nowhere: also safe.
            if (target !== undefined && target !== expected)
              mismatches.push(
                `${client}: ${JSON.stringify(text)} sent as ${sent} → ${target}, validated ${expected}`
              )
          }
        }),
        {
          numRuns: 150,
          examples: [
            ['https://management.azure.com\\@a.example/'],
            ['https://management.azure.com:\\@a.example/'],
            ['https://management.azure.com\\x\\@a.example/'],
            ['https://management.azure.com/%2e%2e/x'],
            ['https://[::1]:8443/x'],
            ['https://MANAGEMENT.azure.com:443/a/../b']
          ]
        }
      )
      expect(mismatches).toEqual([])
      // Not vacuous: a good share of the generated lines were accepted and checked.
      expect(accepted.length).toBeGreaterThan(30)

      const pwsh = findTool('pwsh')
      if (pwsh === undefined) return
      // .NET's System.Uri, as the PowerShell probe builds its request from the URL it was sent.
      const list = join(dir, 'urls.txt')
      writeFileSync(list, accepted.map(a => a.sent).join('\n'))
      const out = spawnSync(
        pwsh,
        [
          '-NoProfile',
          '-NonInteractive',
          '-Command',
          `Get-Content -LiteralPath '${list}' | ForEach-Object { $u = [System.Uri]$_; '{0}:{1}' -f $u.Host, $u.Port }`
        ],
        { env: { ...env(), DOTNET_CLI_TELEMETRY_OPTOUT: '1' }, encoding: 'utf8', timeout: 120_000 }
      )
      const hosts = out.stdout.trim().split(/\r?\n/)
      expect(hosts).toHaveLength(accepted.length)
      accepted.forEach((a, i) => {
        const seen = (hosts[i] ?? '').toLowerCase()
        expect({ url: a.sent, host: seen }).toEqual({ url: a.sent, host: a.expected })
      })
    })
  }
)
