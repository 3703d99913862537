import type { Command } from 'commander';
import type { Context } from '../main.js';

// Placeholder registration; the questionnaire command is being written (issue 5).
export function registerQuestions(_program: Command, _ctx: Context): void {}
