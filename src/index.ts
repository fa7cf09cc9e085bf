/** Entry point of dist/index.js: everything happens in run(). */
import { run } from './action/main'

void run()
