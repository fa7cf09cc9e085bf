/**
 * Several invalid inputs at once. A user fixing a workflow should see every problem in one run,
 * not one per push. It is an InputError (the first problem's input, problem and example) so callers
 * that handle InputError need nothing new; its message lists every problem, one a line.
 */
import { InputError } from './action-inputs'

export class InputErrors extends InputError {
  constructor(readonly errors: InputError[]) {
    const first = errors[0]
    if (first === undefined) throw new TypeError('InputErrors needs at least one error')
    super(first.input, first.problem, first.example)
    this.name = 'InputError'
    this.message =
      errors.length === 1
        ? first.message
        : `${errors.length} inputs are invalid:\n${errors.map(e => `- ${e.message}`).join('\n')}`
  }
}
