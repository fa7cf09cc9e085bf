/**
 * The live state every handler reads: current scenario settings and when it started, the token
 * issuer, role assignments, counters of the throttling scenario, the rotating App Service header.
 */
import { createHmac, randomBytes } from 'node:crypto'
import type { Estate, Identity } from './identities'
import { defaultAssignments, RoleAssignments } from './rbac'
import { resolveScenario, type ScenarioInput, type ScenarioSettings } from './scenarios'
import { TokenIssuer } from './tokens'

export class EmulatorState {
  settings: ScenarioSettings
  /** Date.now() when the current scenario was set: the clock of imds-gone and role-delayed. */
  scenarioStartedAt = Date.now()
  /** Token requests answered 429 so far in this scenario. */
  throttled = 0
  /** API requests answered with the scenario's api fault so far. */
  apiFaulted = 0
  readonly roles: RoleAssignments
  readonly issuer: TokenIssuer
  private readonly headerSecret = randomBytes(32)

  constructor(
    readonly estate: Estate,
    canary: string,
    scenario: ScenarioInput | undefined
  ) {
    this.settings = resolveScenario(scenario)
    this.issuer = new TokenIssuer(estate, canary)
    this.roles = new RoleAssignments([])
    this.applyRoles()
  }

  setScenario(input: ScenarioInput): ScenarioSettings {
    this.settings = resolveScenario(input)
    this.scenarioStartedAt = Date.now()
    this.throttled = 0
    this.apiFaulted = 0
    this.applyRoles()
    return this.settings
  }

  elapsedMs(): number {
    return Date.now() - this.scenarioStartedAt
  }

  private applyRoles(): void {
    const { roles, roleDelayMs } = this.settings
    this.roles.replaceScenarioAssignments(
      roles === 'none' ? [] : defaultAssignments(this.estate, roles === 'delayed' ? roleDelayMs : 0)
    )
  }

  /** The identities the workload has in this scenario. */
  assignedIdentities(): { system?: Identity; userAssigned: Identity[] } {
    const { system, userAssigned } = this.estate.identities
    return {
      system: this.settings.systemAssigned ? system : undefined,
      userAssigned: this.settings.userAssigned
        .map(index => userAssigned[index])
        .filter((identity): identity is Identity => identity !== undefined)
    }
  }

  /**
   * The App Service `IDENTITY_HEADER` valid now. With rotation on (Container Apps), it changes every
   * `rotateIdentityHeaderMs` and only the current value is accepted: clients must read it per request.
   */
  identityHeader(): string {
    const period = this.settings.rotateIdentityHeaderMs
    const epoch = period > 0 ? Math.floor(Date.now() / period) : 0
    return createHmac('sha256', this.headerSecret)
      .update(String(epoch))
      .digest('hex')
      .slice(0, 32)
      .toUpperCase()
  }
}
