// The formats each command writes: a light module, so the command line can
// offer them without loading the renderers (loaded when a command runs).
import type { RopaView } from '../core/ropa.js';

export type Format = 'json' | 'md' | 'html' | 'csv' | 'xlsx' | 'oscal';
export const CHECK_FORMATS: readonly Format[] = ['md', 'json', 'html', 'csv', 'xlsx', 'oscal'];

export type QuestionnaireFormat = 'md' | 'csv' | 'xlsx' | 'json';
export const QUESTIONNAIRE_FORMATS: readonly QuestionnaireFormat[] = ['md', 'csv', 'xlsx', 'json'];

export type RopaFormat = 'md' | 'csv' | 'json' | 'xlsx';
export const ROPA_FORMATS: readonly RopaFormat[] = ['md', 'csv', 'json', 'xlsx'];
export const ROPA_VIEWS: readonly RopaView[] = ['controller', 'processor'];

export type StoresFormat = 'md' | 'html' | 'csv' | 'json';
export const STORES_FORMATS: readonly StoresFormat[] = ['md', 'html', 'csv', 'json'];
export const STORE_OPTIONS = ['play', 'apple'] as const;
