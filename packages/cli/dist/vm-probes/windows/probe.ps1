<#
  mi-smoke probe for Windows VMs and scale-set instances, run by
  `az vm run-command invoke --command-id RunPowerShellScript --parameters request=<base64>`.

  It does the three steps of the runbook on the VM itself (IMDS instance metadata, a token per
  audience, one API call per check) and prints ONE line: `MI-SMOKE-OBS/1 {json}`, the raw
  observations of src/contracts/observations.ts. It observes and never judges: the runner diagnoses.

  Works on Windows PowerShell 5.1 (.NET Framework) and PowerShell 7: System.Net.HttpWebRequest (both
  have it) with an explicit timeout, no proxy for IMDS, no redirects; ConvertFrom-Json /
  ConvertTo-Json. It uses nothing 5.1 lacks (__tests__/dispatch/vm/ps51-compat.ps1 checks that with
  PowerShell's own parser), runs under Set-StrictMode, turns TLS 1.2 on (older .NET Framework
  defaults offer only TLS 1.0/1.1, which Azure refuses), and prints ASCII only: every non-ASCII
  character of its JSON is a \uXXXX escape, so no console code page can mangle the line.

  URLs: the host .NET connects to must be the host written in the URL the runner sent; a URL with
  user info or a backslash is never requested (clients disagree on what host such URLs name).

  The request is data: base64 (padding removed) of JSON {v, nonce, timeoutMs, imdsEndpoint,
  identityKind, identityValue, checks: [{url, resource}]}. It is decoded and parsed, never run.

  Secrets: the access token stays in a variable. It is never printed or written anywhere; only the
  JWT's payload segment (claims) is reported, and bodies that could hold a token are dropped.
#>
param(
  [Parameter(Mandatory = $false)]
  [string]$Request = ''
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
# Added to whatever the machine allows: .NET Framework 4.5-4.6 default to SSL3/TLS 1.0 only.
[System.Net.ServicePointManager]::SecurityProtocol = [System.Net.ServicePointManager]::SecurityProtocol -bor [System.Net.SecurityProtocolType]::Tls12
$Marker = 'MI-SMOKE-OBS/1'
$BodyCut = 300
$LineTarget = 1900
$RetryBudgetMs = 80000

# JSON text with every character outside printable ASCII as \uXXXX. ConvertTo-Json already escapes
# control characters; what is left above U+007E can only be inside a string literal, where the
# escape means the same character.
function ConvertTo-AsciiJson([object]$Value) {
  $json = ConvertTo-Json -InputObject $Value -Compress -Depth 8
  $out = New-Object System.Text.StringBuilder ($json.Length + 16)
  foreach ($c in $json.ToCharArray()) {
    if ([int]$c -gt 126) { [void]$out.Append('\u').Append(([int]$c).ToString('x4')) } else { [void]$out.Append($c) }
  }
  return $out.ToString()
}

function Write-Observations([System.Collections.IDictionary]$Observations) {
  Write-Output ($Marker + ' ' + (ConvertTo-AsciiJson $Observations))
}

# A property of an object from ConvertFrom-Json, or $null (strict mode throws on a missing one).
function Get-Field([object]$Object, [string]$Name) {
  if ($null -eq $Object -or $Object -isnot [System.Management.Automation.PSCustomObject]) { return $null }
  $p = $Object.PSObject.Properties[$Name]
  if ($null -eq $p) { return $null }
  return $p.Value
}

function Exit-BadRequest([string]$Why) {
  Write-Observations ([ordered]@{
    v = 1; nonce = ''; probe = 'powershell'; source = 'none'; sourceDetail = $Why
    tokens = @(); apis = @()
  })
  exit 0
}

function ConvertFrom-UnpaddedBase64([string]$Text) {
  if ($Text -notmatch '^[A-Za-z0-9+/]*$') { throw 'not base64' }
  switch ($Text.Length % 4) {
    2 { $Text += '==' }
    3 { $Text += '=' }
    1 { throw 'not base64' }
  }
  return [System.Text.Encoding]::UTF8.GetString([System.Convert]::FromBase64String($Text))
}

function Limit-Text([string]$Text, [int]$Limit) {
  if ($null -eq $Text) { return '' }
  if ($Text.Length -le $Limit) { return $Text }
  return $Text.Substring(0, $Limit)
}

# The host written in $Url (what the runner validated), or $null when the URL is one that clients
# read differently: user info, a backslash, no authority, or a host System.Uri reads otherwise.
function Get-CheckedHost([string]$Url) {
  if ($Url.Contains('\')) { return $null }
  $m = [regex]::Match($Url, '^[A-Za-z][A-Za-z0-9+.-]*://([^/?#]*)')
  if (-not $m.Success) { return $null }
  $authority = $m.Groups[1].Value
  if ($authority.Contains('@') -or $authority -eq '') { return $null }
  if ($authority.StartsWith('[')) {
    $end = $authority.IndexOf(']')
    if ($end -lt 0) { return $null }
    $written = $authority.Substring(0, $end + 1)
  } else {
    $written = $authority.Split(':')[0]
  }
  try { $uri = [System.Uri]$Url } catch { return $null }
  if (-not $uri.IsAbsoluteUri -or $uri.UserInfo -ne '') { return $null }
  if ($uri.Host -ne $written) { return $null }
  return $written
}

function Test-BearerAllowed([string]$Url) {
  try { $uri = [System.Uri]$Url } catch { return $false }
  if (-not $uri.IsAbsoluteUri) { return $false }
  if ($uri.Scheme -eq 'https') { return $true }
  if ($uri.Scheme -ne 'http') { return $false }
  if ($uri.UserInfo) { return $false }
  $h = $uri.Host
  return ($h -eq 'localhost' -or $h -eq '[::1]' -or $h -eq '::1' -or $h -match '^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$')
}

function ConvertTo-TransportError([System.Exception]$Failure) {
  $e = $Failure
  while ($e -is [System.Management.Automation.MethodInvocationException] -and $e.InnerException) { $e = $e.InnerException }
  $kind = 'other'
  if ($e -is [System.Net.WebException]) {
    switch ($e.Status.ToString()) {
      'Timeout' { $kind = 'timeout' }
      'ConnectFailure' { $kind = 'refused' }
      'NameResolutionFailure' { $kind = 'dns' }
      'ProxyNameResolutionFailure' { $kind = 'proxy' }
      'TrustFailure' { $kind = 'tls' }
      'SecureChannelFailure' { $kind = 'tls' }
      'ConnectionClosed' { $kind = 'reset' }
      'ReceiveFailure' { $kind = 'reset' }
      'KeepAliveFailure' { $kind = 'reset' }
      'RequestProhibitedByProxy' { $kind = 'proxy' }
    }
  }
  $text = $e.Message
  if ($kind -eq 'other' -or $kind -eq 'refused') {
    if ($text -match 'timed out|timeout') { $kind = 'timeout' }
    elseif ($text -match 'refused') { $kind = 'refused' }
    elseif ($text -match 'unreachable|No route') { $kind = 'unreachable' }
    elseif ($text -match 'proxy') { $kind = 'proxy' }
  }
  return @{ error = $kind; errorText = (Limit-Text ($text -replace '[\r\n]+', ' ') 160) }
}

# One GET. Mode: imds (Metadata header, no proxy at all), bearer (Authorization from $Bearer), plain.
function Invoke-Get([string]$Mode, [string]$Url, [string]$Bearer) {
  $result = New-Result $null $null
  $result.attempts = 1
  $clock = [System.Diagnostics.Stopwatch]::StartNew()
  $response = $null
  try {
    $req = [System.Net.HttpWebRequest]::Create($Url)
    $req.Method = 'GET'
    $req.Timeout = $script:TimeoutMs
    $req.ReadWriteTimeout = $script:TimeoutMs
    $req.AllowAutoRedirect = $false
    if ($Mode -eq 'imds') {
      $req.Proxy = $null
      $req.Headers.Add('Metadata', 'true')
    }
    if ($Mode -eq 'bearer') { $req.Headers.Add('Authorization', 'Bearer ' + $Bearer) }
    try {
      $response = $req.GetResponse()
    } catch [System.Net.WebException] {
      if ($_.Exception.Response) { $response = $_.Exception.Response } else { throw }
    }
    $result.status = [int]$response.StatusCode
    $result.retryAfter = [string]$response.Headers['Retry-After']
    $reader = New-Object System.IO.StreamReader($response.GetResponseStream())
    $result.body = $reader.ReadToEnd()
    $reader.Close()
  } catch {
    $t = ConvertTo-TransportError $_.Exception
    $result.error = $t.error
    $result.errorText = $t.errorText
  } finally {
    if ($response) { $response.Close() }
  }
  $result.ms = [int]$clock.ElapsedMilliseconds
  return $result
}

# IMDS with Microsoft's retry guidance: 404, 408, 429, 5xx three times at 1, 2, 4 s (or the
# Retry-After), 410 every 10 s for up to 70 s; never after a transport error or another 4xx.
function Invoke-Imds([string]$Url) {
  $clock = [System.Diagnostics.Stopwatch]::StartNew()
  $attempts = 0
  $retries = 0
  while ($true) {
    $r = Invoke-Get 'imds' $Url ''
    $attempts++
    $retry = $false
    $delay = 0
    $s = $r.status
    if ($null -ne $s -and ($s -eq 404 -or $s -eq 408 -or $s -eq 429 -or ($s -ge 500 -and $s -le 599)) -and $retries -lt 3) {
      $retry = $true
      $delay = [int][Math]::Pow(2, $retries)
      $ra = 0
      if ([int]::TryParse($r.retryAfter, [ref]$ra) -and $ra -ge 0 -and $ra -le 10) { $delay = $ra }
    } elseif ($s -eq 410 -and $clock.ElapsedMilliseconds + 10000 -le 70000) {
      $retry = $true
      $delay = 10
    }
    if (-not $retry) { break }
    if ($script:ProbeClock.ElapsedMilliseconds + $delay * 1000 -gt $RetryBudgetMs) { break }
    Start-Sleep -Seconds $delay
    $retries++
  }
  $r.attempts = $attempts
  $r.ms = [int]$clock.ElapsedMilliseconds
  return $r
}

# What every exchange result holds, so that strict mode never meets a missing key.
function New-Result([string]$ErrorKind, [string]$ErrorText) {
  return @{ status = $null; body = ''; retryAfter = ''; error = $ErrorKind; errorText = $ErrorText; attempts = 0; ms = 0 }
}

function New-Exchange([string]$Url, [hashtable]$R, [int]$Cut, [bool]$MayHoldToken) {
  $x = [ordered]@{ url = (Limit-Text $Url 300) }
  if ($null -ne $R.status) { $x.status = [int]$R.status } else {
    $x.error = $R.error
    if ($R.errorText) { $x.errorText = $R.errorText }
  }
  $keep = ($null -ne $R.status) -and ($R.status -lt 200 -or $R.status -gt 299) -and $R.body
  if ($keep -and $MayHoldToken -and ($R.body -match 'access_token|eyJ')) { $keep = $false }
  if ($keep) { $x.body = Limit-Text $R.body $Cut }
  if ($R.retryAfter) { $x.retryAfter = Limit-Text $R.retryAfter 40 }
  $x.attempts = [int]$R.attempts
  $x.ms = [int]$R.ms
  return $x
}

function ConvertTo-Base64Url([string]$Text) {
  $b = [System.Convert]::ToBase64String([System.Text.Encoding]::UTF8.GetBytes($Text))
  return $b.TrimEnd('=').Replace('+', '-').Replace('/', '_')
}

function ConvertFrom-Base64Url([string]$Text) {
  $t = $Text.Replace('-', '+').Replace('_', '/')
  switch ($t.Length % 4) {
    2 { $t += '==' }
    3 { $t += '=' }
  }
  return [System.Text.Encoding]::UTF8.GetString([System.Convert]::FromBase64String($t))
}

# The claims the runner reports, re-encoded: claims are not secrets; this only saves bytes.
function Get-ReducedClaims([string]$Segment) {
  try {
    $all = ConvertFrom-Json (ConvertFrom-Base64Url $Segment)
    $keep = [ordered]@{}
    foreach ($name in @('aud', 'tid', 'oid', 'appid', 'idtyp', 'xms_mirid', 'iat', 'nbf', 'exp')) {
      $value = Get-Field $all $name
      if ($null -ne $value) { $keep[$name] = $value }
    }
    return ConvertTo-Base64Url (ConvertTo-Json -InputObject $keep -Compress)
  } catch {
    return $Segment
  }
}

# ------------------------------------------------------------------------------------------------
# Request

if ($Request -eq '') { Exit-BadRequest 'probe parameters missing: run-command gave the script no -request parameter' }
try {
  $req = ConvertFrom-Json (ConvertFrom-UnpaddedBase64 $Request)
} catch {
  Exit-BadRequest 'probe parameters: request undecodable'
}
if ($req -isnot [System.Management.Automation.PSCustomObject]) { Exit-BadRequest 'probe parameters: request undecodable' }
if ((Get-Field $req 'v') -ne 1) { Exit-BadRequest 'unsupported probe parameters: expected version 1' }
$Nonce = [string](Get-Field $req 'nonce')
$script:TimeoutMs = 10000
$parsedTimeout = 0
if ([int]::TryParse([string](Get-Field $req 'timeoutMs'), [ref]$parsedTimeout)) { $script:TimeoutMs = [Math]::Min([Math]::Max($parsedTimeout, 100), 600000) }
$Imds = ([string](Get-Field $req 'imdsEndpoint')).TrimEnd('/')
$IdKind = [string](Get-Field $req 'identityKind')
$IdValue = [string](Get-Field $req 'identityValue')
$Checks = @()
foreach ($c in @(Get-Field $req 'checks')) {
  if ($null -ne $c) { $Checks += , @{ url = [string](Get-Field $c 'url'); resource = [string](Get-Field $c 'resource') } }
}

if ($env:MI_SMOKE_PROBE_ECHO -eq '1') {
  # Test aid: prove that every value arrives intact, then do nothing else.
  Write-Output (ConvertTo-AsciiJson ([ordered]@{ nonce = $Nonce; timeoutMs = [string](Get-Field $req 'timeoutMs'); imdsEndpoint = [string](Get-Field $req 'imdsEndpoint'); identityKind = $IdKind; identityValue = $IdValue; checks = [object[]]$Checks }))
  exit 0
}

# ------------------------------------------------------------------------------------------------
# Work

$script:ProbeClock = [System.Diagnostics.Stopwatch]::StartNew()
$NotImds = 'the IMDS endpoint must be an http:// URL naming its host plainly (no user info, no backslash)'
$ImdsUsable = ($Imds -like 'http://*') -and ($null -ne (Get-CheckedHost ($Imds + '/')))
$instanceUrl = $Imds + '/metadata/instance?api-version=2021-02-01'
if ($ImdsUsable) {
  $inst = Invoke-Imds $instanceUrl
} else {
  $inst = New-Result 'other' $NotImds
}
$instance = New-Exchange $instanceUrl $inst $BodyCut $false
$meta = [ordered]@{}
if ($null -ne $inst.status -and $inst.status -ge 200 -and $inst.status -le 299) {
  try {
    $compute = Get-Field (ConvertFrom-Json $inst.body) 'compute'
    foreach ($name in @('subscriptionId', 'resourceGroupName', 'resourceId', 'azEnvironment', 'location', 'vmId', 'osType')) {
      $value = Get-Field $compute $name
      if ($value) { $meta[$name] = Limit-Text ([string]$value) 300 }
    }
  } catch { }
}
$Sub = if ($meta.Contains('subscriptionId')) { [string]$meta['subscriptionId'] } else { '' }
$Rg = if ($meta.Contains('resourceGroupName')) { [string]$meta['resourceGroupName'] } else { '' }
$instanceTimedOut = ($inst.error -eq 'timeout')

$tokens = New-Object System.Collections.ArrayList
$apis = New-Object 'object[]' $Checks.Count
$shortApis = New-Object 'object[]' $Checks.Count
$fullClaims = @{}
$shortClaims = @{}
$seen = @{}
for ($i = 0; $i -lt $Checks.Count; $i++) {
  $resource = $Checks[$i].resource
  if ($seen.ContainsKey($resource)) { continue }
  $seen[$resource] = $true
  $tokenUrl = $Imds + '/metadata/identity/oauth2/token?api-version=2018-02-01&resource=' + [System.Uri]::EscapeDataString($resource)
  switch ($IdKind) {
    'client-id' { $tokenUrl += '&client_id=' + [System.Uri]::EscapeDataString($IdValue) }
    'object-id' { $tokenUrl += '&object_id=' + [System.Uri]::EscapeDataString($IdValue) }
    'resource-id' { $tokenUrl += '&msi_res_id=' + [System.Uri]::EscapeDataString($IdValue) }
  }
  if ($instanceTimedOut) {
    # IMDS already timed out once: asking again would only spend another timeout per audience.
    $t = New-Result 'timeout' 'not sent: IMDS did not answer the instance request'
  } elseif ($ImdsUsable) {
    $t = Invoke-Imds $tokenUrl
  } else {
    $t = New-Result 'other' $NotImds
  }
  $tok = New-Exchange $tokenUrl $t $BodyCut $true
  $tok.Insert(0, 'resource', (Limit-Text $resource 300))
  $bearer = ''
  if ($null -ne $t.status -and $t.status -ge 200 -and $t.status -le 299) {
    $parsed = $null
    $trimmed = ([string]$t.body).Trim()
    if ($trimmed.StartsWith('{') -and $trimmed.EndsWith('}')) {
      try { $parsed = ConvertFrom-Json $t.body } catch { $parsed = $null }
    }
    if ($parsed -isnot [System.Management.Automation.PSCustomObject]) {
      # A 2xx whose JSON is cut short is unusable: reported with anything token-like removed, as
      # the Linux probe does; no shape, nothing used.
      $masked = ([string]$t.body) -replace 'eyJ[A-Za-z0-9_.-]*', '[token removed]' -replace '"access_token"\s*:\s*"[^"]*"', '"access_token":"[removed]"'
      if ($masked -notmatch 'eyJ') { $tok.body = Limit-Text $masked $BodyCut }
    } else {
      $fields = [ordered]@{}
      foreach ($p in $parsed.PSObject.Properties) {
        if ($p.Name -eq 'access_token') { continue }
        if ($p.Value -is [string]) { $fields[$p.Name] = Limit-Text $p.Value 300 }
        elseif ($p.Value -is [int] -or $p.Value -is [long] -or $p.Value -is [double]) { $fields[$p.Name] = $p.Value }
      }
      if ($fields.Count -gt 0) { $tok.fields = $fields }
      $shape = 'absent'
      $access = [string](Get-Field $parsed 'access_token')
      if ($access) {
        $shape = 'opaque'
        $parts = $access.Split('.')
        if ($parts.Count -eq 3 -and $parts[0] -match '^[A-Za-z0-9_-]+$' -and $parts[1] -match '^[A-Za-z0-9_-]+$' -and $parts[2] -match '^[A-Za-z0-9_-]*$') {
          $shape = 'jwt'
          $bearer = $access
          $fullClaims[$tokens.Count] = $parts[1]
          $shortClaims[$tokens.Count] = Get-ReducedClaims $parts[1]
        }
      }
      $access = ''
      $tok.shape = $shape
    }
  }
  [void]$tokens.Add($tok)

  for ($j = 0; $j -lt $Checks.Count; $j++) {
    if ($Checks[$j].resource -ne $resource) { continue }
    $url = $Checks[$j].url
    $not = ''
    if ($url.Contains('{subscriptionId}') -and -not $Sub) { $not = '{subscriptionId} unknown: no instance metadata' }
    if ($url.Contains('{resourceGroup}') -and -not $Rg) { $not = '{resourceGroup} unknown: no instance metadata' }
    if (-not $not) {
      $url = $url.Replace('{subscriptionId}', $Sub).Replace('{resourceGroup}', $Rg)
      if (-not $bearer) { $not = 'no token for this audience' }
      elseif ($null -eq (Get-CheckedHost $url)) { $not = 'refused: the URL has user info, a backslash or a host that clients read differently' }
      elseif (-not (Test-BearerAllowed $url)) { $not = 'refused: a token goes only over https, or http to a loopback address' }
    }
    if ($not) {
      $a = [ordered]@{ check = $j; url = (Limit-Text $url 300); notCalled = $not; attempts = 0; ms = 0 }
      $apis[$j] = $a
      $shortApis[$j] = $a
    } else {
      $r = Invoke-Get 'bearer' $url $bearer
      $a = New-Exchange $url $r $BodyCut $false
      $a.Insert(0, 'check', $j)
      $apis[$j] = $a
      $s = New-Exchange $url $r 100 $false
      $s.Insert(0, 'check', $j)
      $shortApis[$j] = $s
    }
  }
  $bearer = ''
}

function New-Observations([hashtable]$Claims, [object[]]$ApiList) {
  $list = New-Object System.Collections.ArrayList
  for ($k = 0; $k -lt $tokens.Count; $k++) {
    $copy = [ordered]@{}
    foreach ($key in $tokens[$k].Keys) { $copy[$key] = $tokens[$k][$key] }
    if ($Claims.ContainsKey($k)) { $copy.claims = $Claims[$k] }
    [void]$list.Add($copy)
  }
  $o = [ordered]@{
    v = 1; nonce = $Nonce; probe = 'powershell'; source = 'imds'
    sourceDetail = 'IMDS on the VM, requests by PowerShell ' + $PSVersionTable.PSVersion.ToString()
    instance = $instance
  }
  if ($meta.Count -gt 0) { $o.meta = $meta }
  $o.tokens = [object[]]$list.ToArray()
  $o.apis = [object[]]$ApiList
  return $o
}

# Small enough to survive run-command's 4,096-byte cut with room to spare.
$line = ConvertTo-AsciiJson (New-Observations $fullClaims $apis)
if ($line.Length -gt $LineTarget) { $line = ConvertTo-AsciiJson (New-Observations $shortClaims $apis) }
if ($line.Length -gt $LineTarget) { $line = ConvertTo-AsciiJson (New-Observations $shortClaims $shortApis) }
Write-Output ($Marker + ' ' + $line)
