// The Node runtime's public API: load a verified index from disk into the core.
export { assistantOver, loadAssistant, loadIndexData, resolveIndexDir, type LoadOptions } from './assistant.ts';
