// Rule texts that are not plain `{{a.b}}` paths are filled by Handlebars,
// loaded the first time one needs it (most runs never do).
import { createRequire } from 'node:module';
import { useTemplateEngine, type TemplateEngine } from '../core/texts.js';

const require = createRequire(import.meta.url);
useTemplateEngine(() => require('handlebars') as TemplateEngine);
