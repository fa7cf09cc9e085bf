import { TaskPool } from '../../src/common/task-pool'
import { delay } from '../helpers/orchestrate-fakes'

describe('TaskPool', () => {
  test('never runs more than the limit at once and starts tasks in submission order', async () => {
    const pool = new TaskPool(3)
    let running = 0
    let most = 0
    const started: number[] = []
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        pool.run(async () => {
          started.push(i)
          running++
          most = Math.max(most, running)
          await delay(5 + (i % 3) * 5)
          running--
          return i * 2
        })
      )
    )
    expect(results).toEqual(Array.from({ length: 10 }, (_, i) => i * 2))
    expect(most).toBe(3)
    expect(pool.peak).toBe(3)
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
  })

  test('a failing task frees its slot', async () => {
    const pool = new TaskPool(1)
    await expect(pool.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    await expect(pool.run(async () => 'next')).resolves.toBe('next')
  })

  test('runs all at once when the limit allows: wall time is one task, not the sum', async () => {
    const pool = new TaskPool(20)
    const started = Date.now()
    await Promise.all(Array.from({ length: 20 }, () => pool.run(() => delay(100))))
    expect(Date.now() - started).toBeLessThan(400)
  })

  test('rejects a limit below 1', () => {
    expect(() => new TaskPool(0)).toThrow(RangeError)
  })
})
