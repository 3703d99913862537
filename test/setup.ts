// Property tests explore new random cases on every local run; in CI they use
// one fixed seed, so a landing never depends on the luck of a draw.
import fc from 'fast-check';

if (process.env['CI']) fc.configureGlobal({ seed: 20261125 });

// What the shell provides to the core in every run: the template engine for rule texts.
import '../src/load/template-engine.js';
