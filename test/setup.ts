// Property tests explore new random cases on every local run; in CI they use
// one fixed seed, so a landing never depends on the luck of a draw.
import fc from 'fast-check';

if (process.env['CI']) fc.configureGlobal({ seed: 20261125 });
