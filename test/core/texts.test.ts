import fc from 'fast-check';
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { compiled, simpleRender, fillRuleTexts, useTemplateEngine, type TemplateEngine } from '../../src/core/texts.js';
import { rule } from '../helpers.js';

const hb = (text: string, ctx: object) => Handlebars.compile(text, { noEscape: true, strict: false })(ctx);

describe('rule display texts', () => {
  it('rule texts render exactly as Handlebars renders them (property)', () => {
    const key = fc.constantFrom('vendor', 'name', 'id', 'params', 'age', 'list', 'x', '0', '1');
    const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
      v: fc.oneof(
        { depthSize: 'small' },
        fc.string(),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.constant(undefined),
        fc.array(fc.string(), { maxLength: 3 }),
        fc.array(tie('v'), { maxLength: 3 }),
        fc.dictionary(key, tie('v'), { maxKeys: 3 }),
      ),
    })).v;
    const piece = fc.oneof(
      fc.string().filter((s) => !s.includes('{') && !s.includes('}') && !s.includes('\\')),
      fc.array(key, { minLength: 1, maxLength: 3 }).map((p) => `{{${p.join('.')}}}`),
      fc.array(key, { minLength: 1, maxLength: 3 }).map((p) => `{{data.${p.join('.')}}}`),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), fc.dictionary(key, value), (pieces, ctx) => {
        const text = pieces.join('');
        const outcome = (f: () => string) => {
          try {
            return { text: f() };
          } catch (e) {
            return { error: (e as Error).message };
          }
        };
        expect(outcome(() => compiled(text)(ctx))).toEqual(outcome(() => hb(text, ctx)));
      }),
      { numRuns: 2000 },
    );
  });

  it('plain templates take the fast path, except two leading values, which Handlebars adds with +', () => {
    expect(simpleRender('Contract with {{vendor.name}} ({{vendor.id}})')).toBeDefined();
    expect(simpleRender('{{a}}{{b}}')).toBeUndefined();
  });

  it('an index between names is a plain path too, filled without loading Handlebars (GDPR Art. 9 shows {{data.0.id}})', () => {
    let loads = 0;
    useTemplateEngine(() => {
      loads++;
      return Handlebars as unknown as TemplateEngine;
    });
    try {
      expect(simpleRender('Art. 9 condition for {{data.0.id}}')!({ data: [{ id: 'd1' }] })).toBe('Art. 9 condition for d1');
      expect(loads).toBe(0);
      // a last index is a number to Handlebars (an error): it decides
      expect(() => simpleRender('{{data.0}}')).toThrow(/Expecting 'ID'/);
      expect(loads).toBe(1);
    } finally {
      useTemplateEngine(() => Handlebars as unknown as TemplateEngine);
    }
  });

  it('helpers and blocks go through Handlebars', () => {
    expect(simpleRender('{{#if a}}yes{{/if}}')).toBeUndefined();
    expect(simpleRender('{{join list ", "}}')).toBeUndefined();
  });

  it('fills title, action and evidence, plain templates text by text', () => {
    const r = rule({ title: 'T {{vendor.name}}', action: 'A {{vendor.name}}', evidence: ['E1 {{vendor.name}}', 'E2'] });
    expect(fillRuleTexts(r, () => ({ vendor: { name: 'Acme' } }))).toEqual({ title: 'T Acme', action: 'A Acme', evidence: ['E1 Acme', 'E2'] });
    expect(fillRuleTexts(r, () => ({ vendor: { name: 'a\u001fb' } }))).toEqual({ title: 'T a\u001fb', action: 'A a\u001fb', evidence: ['E1 a\u001fb', 'E2'] });
  });

  it('fills texts that need Handlebars in one call, and one by one when a value holds the separator', () => {
    const r = rule({ title: '{{#if vendor}}T {{vendor.name}}{{/if}}', action: 'A {{vendor.name}}', evidence: ['E1 {{vendor.name}}', 'E2'] });
    expect(fillRuleTexts(r, () => ({ vendor: { name: 'Acme' } }))).toEqual({ title: 'T Acme', action: 'A Acme', evidence: ['E1 Acme', 'E2'] });
    expect(fillRuleTexts(r, () => ({ vendor: { name: 'a\u001fb' } }))).toEqual({ title: 'T a\u001fb', action: 'A a\u001fb', evidence: ['E1 a\u001fb', 'E2'] });
  });

  it('does not build the context for a rule without templates', () => {
    const r = rule({ title: 'T', action: 'A', evidence: ['E'] });
    expect(
      fillRuleTexts(r, () => {
        throw new Error('context built');
      }),
    ).toEqual({ title: 'T', action: 'A', evidence: ['E'] });
  });
});
