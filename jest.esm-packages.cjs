// The toolkit's current majors (@actions/core 3, exec 3, io 3, http-client 4) ship only ES modules with an
// `import`-only exports map. The bundle resolves them at build time; under jest (CommonJS) they are mapped
// to their files and transpiled to CommonJS like the project's own code. Used by both jest configs.
const ESM_ONLY = ['core', 'exec', 'io', 'http-client']
const ENTRY = { core: 'core', exec: 'exec', io: 'io', 'http-client': 'index' }

module.exports = {
  moduleNameMapper: {
    ...Object.fromEntries(
      ESM_ONLY.map(name => [
        `^@actions/${name}$`,
        `<rootDir>/node_modules/@actions/${name}/lib/${ENTRY[name]}.js`
      ])
    ),
    [`^@actions/(${ESM_ONLY.join('|')})/lib/(.*?)(\\.js)?$`]:
      '<rootDir>/node_modules/@actions/$1/lib/$2.js'
  },
  transform: {
    [`/node_modules/@actions/(${ESM_ONLY.join('|')})/lib/.+\\.js$`]: [
      'ts-jest',
      {
        tsconfig: { allowJs: true, module: 'commonjs', target: 'es2022', esModuleInterop: true },
        isolatedModules: true
      }
    ]
  },
  transformIgnorePatterns: [`/node_modules/(?!@actions/(${ESM_ONLY.join('|')})/)`]
}
