/** Entry point of dist/index.js: everything happens in run(). */
import { run } from './main'

void run()
