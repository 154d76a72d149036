// Wrangler bundles `import x from './file.wasm'` as a CompiledWasm module: the default export is an
// already compiled WebAssembly.Module (Workers refuse to compile wasm from bytes at run time).
declare module '*.wasm' {
  const module: WebAssembly.Module;
  export default module;
}
