// Builds dist/index.js, the action's bundle, the way actions/typescript-action does (TypeScript, node
// resolution, CommonJS interop). The toolkit's current majors (@actions/core 3, ...) ship only ES modules,
// which this resolves at build time. Output is CommonJS (the package is not `type: module`), and every
// `import()` becomes its own chunk, loaded on first use: a `local` pass does not pay for the VM dispatcher,
// the shard merge or @azure/identity. Chunk names are content hashes, so a rebuild of the same sources is
// byte for byte the same (CI rebuilds and diffs dist/).
import commonjs from '@rollup/plugin-commonjs'
import nodeResolve from '@rollup/plugin-node-resolve'
import terser from '@rollup/plugin-terser'
import typescript from '@rollup/plugin-typescript'

/** dist/, or another folder for a test's own build of the current sources. */
const dir = process.env['MI_SMOKE_BUNDLE_DIR'] || 'dist'

export default {
  input: 'src/index.ts',
  output: {
    dir,
    format: 'cjs',
    entryFileNames: 'index.js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    sourcemap: true,
    generatedCode: 'es2015'
  },
  plugins: [
    typescript({
      tsconfig: './tsconfig.json',
      module: 'esnext',
      moduleResolution: 'bundler',
      include: ['src/**/*.ts'],
      outDir: dir,
      sourceMap: true,
      noEmitOnError: true
    }),
    nodeResolve({ preferBuiltins: true, exportConditions: ['node', 'import', 'default'] }),
    commonjs(),
    // Less for Node to read at every start-up (start-up is a measured goal: npm run bench).
    terser({ compress: false, mangle: true, format: { comments: false } })
  ],
  // @actions/core's index imports its OIDC client (@actions/http-client, undici, tunnel) and its
  // `platform` helper (@actions/exec, @actions/io) for functions the action never calls; declared free of
  // side effects, they are left out when unused, which keeps undici's megabyte out of every start-up.
  // @actions/exec and io stay, as their own chunk, for the `az` runs that import() them.
  treeshake: {
    moduleSideEffects: id =>
      !/[\\/]node_modules[\\/](@actions[\\/](http-client|exec|io)|undici|tunnel)[\\/]/.test(id)
  },
  onwarn(warning, warn) {
    // The toolkit's compiled `__awaiter` helpers test `this` at module level: harmless in a bundle.
    if (warning.code === 'THIS_IS_UNDEFINED') return
    if (
      warning.code === 'CIRCULAR_DEPENDENCY' &&
      warning.ids?.every(id => id.includes('node_modules'))
    )
      return
    warn(warning)
  }
}
