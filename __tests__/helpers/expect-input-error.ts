/** The assertion the input tests share: a parser refuses a value with an InputError naming the input and the problem. */
import { InputError } from '../../src/engine/inputs/action-inputs'

/** Runs `fn`, asserts it throws an InputError for `input` whose problem matches, and returns it. */
export function expectInputError(fn: () => unknown, input: string, problem: RegExp): InputError {
  let error: unknown
  try {
    fn()
  } catch (e) {
    error = e
  }
  expect(error).toBeInstanceOf(InputError)
  const inputError = error as InputError
  expect(inputError.input).toBe(input)
  expect(inputError.problem).toMatch(problem)
  expect(inputError.example.length).toBeGreaterThan(0)
  expect(inputError.message).toContain(`Input '${input}'`)
  expect(inputError.message).toContain(inputError.problem)
  expect(inputError.message).toContain(`Example of a valid value: ${inputError.example}`)
  return inputError
}
