// Wrangler bundles `import x from './file.wasm'` as a CompiledWasm module: the default export is an
// already compiled WebAssembly.Module (Workers refuse to compile wasm from bytes at run time).
declare module '*.wasm' {
  const module: WebAssembly.Module;
  export default module;
}

// Wrangler bundles `import x from './file.txt'` as a Text module: the default export is its contents.
declare module '*.txt' {
  const text: string;
  export default text;
}
