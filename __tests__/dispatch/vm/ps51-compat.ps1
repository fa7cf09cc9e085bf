<#
  Checks PowerShell scripts for what Windows PowerShell 5.1 (the PowerShell run-command uses on
  Windows) cannot run. Runs under pwsh: the scripts are parsed with PowerShell's own parser
  (System.Management.Automation.Language.Parser), which knows PowerShell 7's syntax, and the tree is
  searched for what 5.1 lacks. Prints one JSON object per file: {path, errors: [...], problems: [...]},
  each entry "line:column what".

  Refused: a parse error; ternary ?:, ?? and ??=, ?. and ?[], pipeline chains && and ||, clean
  blocks; cmdlets and cmdlet parameters that 5.1 does not have; PowerShell 6+ automatic variables
  (under Set-StrictMode 5.1 fails on them); any non-ASCII character (5.1 reads a script without a
  byte order mark in the system's ANSI code page).
#>
param([Parameter(Mandatory = $true, ValueFromRemainingArguments = $true)][string[]]$Path)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

# Parameters added after 5.1, by cmdlet (from each cmdlet's PowerShell 7 documentation).
$NewParameters = @{
  'Invoke-WebRequest'  = @('SkipCertificateCheck', 'NoProxy', 'SkipHttpErrorCheck', 'ResponseHeadersVariable', 'StatusCodeVariable', 'Authentication', 'Token', 'SslProtocol', 'MaximumRetryCount', 'RetryIntervalSec', 'SkipHeaderValidation', 'HttpVersion', 'ConnectionTimeoutSeconds', 'OperationTimeoutSeconds', 'Resume', 'PreserveAuthorizationOnRedirect', 'CustomMethod', 'Form', 'AllowUnencryptedAuthentication', 'AllowInsecureRedirect', 'PreserveHttpMethodOnRedirect', 'UnixSocket')
  'Invoke-RestMethod'  = @('SkipCertificateCheck', 'NoProxy', 'SkipHttpErrorCheck', 'ResponseHeadersVariable', 'StatusCodeVariable', 'Authentication', 'Token', 'SslProtocol', 'MaximumRetryCount', 'RetryIntervalSec', 'SkipHeaderValidation', 'HttpVersion', 'ConnectionTimeoutSeconds', 'OperationTimeoutSeconds', 'Resume', 'PreserveAuthorizationOnRedirect', 'CustomMethod', 'Form', 'FollowRelLink', 'MaximumFollowRelLink', 'AllowUnencryptedAuthentication', 'AllowInsecureRedirect', 'PreserveHttpMethodOnRedirect', 'UnixSocket')
  'ConvertFrom-Json'   = @('AsHashtable', 'Depth', 'NoEnumerate', 'DateKind')
  'ConvertTo-Json'     = @('AsArray', 'EnumsAsStrings', 'EscapeHandling')
  'Get-Content'        = @('AsByteStream')
  'Set-Content'        = @('AsByteStream')
  'Add-Content'        = @('AsByteStream')
  'ForEach-Object'     = @('Parallel', 'ThrottleLimit', 'TimeoutSeconds', 'AsJob')
  'Start-Sleep'        = @('Duration')
  'Select-String'      = @('Raw', 'NoEmphasis')
  'Get-ChildItem'      = @('FollowSymlink')
  'Test-Connection'    = @('TargetName', 'TcpPort', 'MtuSize', 'Traceroute', 'Repeat')
  'Out-File'           = @()
}
# Cmdlets 5.1 does not have at all.
$NewCommands = @('Test-Json', 'Join-String', 'Get-Error', 'ConvertFrom-Markdown', 'Show-Markdown', 'Get-Uptime', 'Remove-Alias', 'Remove-Service', 'ConvertTo-CliXml', 'ConvertFrom-CliXml', 'Get-SecureRandom')
# Automatic variables of PowerShell 6+.
$NewVariables = @('IsWindows', 'IsLinux', 'IsMacOS', 'IsCoreCLR', 'PSStyle', 'PSNativeCommandArgumentPassing', 'PSNativeCommandUseErrorActionPreference')

function Test-Ast([System.Management.Automation.Language.Ast]$Root, [string]$Text) {
  $problems = New-Object System.Collections.ArrayList
  $add = {
    param($Ast, $What)
    [void]$problems.Add(('{0}:{1} {2}' -f $Ast.Extent.StartLineNumber, $Ast.Extent.StartColumnNumber, $What))
  }
  $all = $Root.FindAll({ $true }, $true)
  foreach ($node in $all) {
    $type = $node.GetType().Name
    switch ($type) {
      'TernaryExpressionAst' { & $add $node 'ternary ?: (PowerShell 7)' }
      'PipelineChainAst' { & $add $node 'pipeline chain && / || (PowerShell 7)' }
      'BinaryExpressionAst' {
        if ($node.Operator.ToString() -eq 'QuestionQuestion') { & $add $node 'null-coalescing ?? (PowerShell 7)' }
      }
      'AssignmentStatementAst' {
        if ($node.Operator.ToString() -eq 'QuestionQuestionEquals') { & $add $node 'null-coalescing assignment ??= (PowerShell 7)' }
      }
      'NamedBlockAst' {
        if ($node.BlockKind.ToString() -eq 'Clean') { & $add $node 'clean block (PowerShell 7.3)' }
      }
      'VariableExpressionAst' {
        if ($NewVariables -contains $node.VariablePath.UserPath) { & $add $node ('automatic variable $' + $node.VariablePath.UserPath + ' (PowerShell 6+)') }
      }
      'CommandAst' {
        $name = $node.GetCommandName()
        if ($null -ne $name) {
          if ($NewCommands -contains $name) { & $add $node ("cmdlet $name (not in 5.1)") }
          $key = @($NewParameters.Keys | Where-Object { $_ -eq $name })
          if ($key.Count -gt 0) {
            foreach ($element in $node.CommandElements) {
              if ($element -isnot [System.Management.Automation.Language.CommandParameterAst]) { continue }
              $given = $element.ParameterName
              foreach ($new in $NewParameters[$key[0]]) {
                # PowerShell takes any unambiguous prefix of a parameter's name.
                if ($new.StartsWith($given, [System.StringComparison]::OrdinalIgnoreCase) -and $given.Length -ge 2) {
                  & $add $element ("$name -$new (not in 5.1)")
                }
              }
            }
          }
        }
      }
    }
    $nullConditional = $node.PSObject.Properties['NullConditional']
    if ($null -ne $nullConditional -and $nullConditional.Value) { & $add $node 'null-conditional ?. / ?[] (PowerShell 7)' }
  }
  $lineNumber = 0
  foreach ($line in $Text.Split("`n")) {
    $lineNumber++
    for ($i = 0; $i -lt $line.Length; $i++) {
      if ([int]$line[$i] -gt 126 -or ([int]$line[$i] -lt 32 -and $line[$i] -ne "`t" -and $line[$i] -ne "`r")) {
        [void]$problems.Add(('{0}:{1} character U+{2} (5.1 reads a script without BOM as ANSI)' -f $lineNumber, ($i + 1), ([int]$line[$i]).ToString('X4')))
        break
      }
    }
  }
  return , $problems.ToArray()
}

foreach ($file in $Path) {
  $text = [System.IO.File]::ReadAllText($file)
  $tokens = $null
  $errors = $null
  $ast = [System.Management.Automation.Language.Parser]::ParseInput($text, $file, [ref]$tokens, [ref]$errors)
  $errorList = @($errors | ForEach-Object { '{0}:{1} {2}' -f $_.Extent.StartLineNumber, $_.Extent.StartColumnNumber, $_.Message })
  $problems = Test-Ast $ast $text
  Write-Output (ConvertTo-Json -InputObject ([ordered]@{ path = $file; errors = [object[]]$errorList; problems = [object[]]$problems }) -Compress)
}
