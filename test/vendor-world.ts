// The small world shared by the questionnaire and answers tests: a real-time
// voice processor and an AI model vendor, both in the US, offered in the EU and SG.
import type { Flow } from '../src/core/types.js';
import { flow as baseFlow } from './helpers.js';

/** The example game's vendors: real-time voice (processor, US) and an AI model vendor. */
export function vendorWorld(overrides: Partial<Flow> = {}): Flow {
  return baseFlow({
    markets: [
      { code: 'EU', players: 900000 },
      { code: 'SG', players: 100000 },
    ],
    data: [
      { id: 'voice', category: 'user.content.voice_chat', subjects: ['player'], retention: 'P0D' },
      { id: 'companion-chat', category: 'user.content', subjects: ['player'], retention: 'P30D' },
    ],
    systems: [{ id: 'client', kind: 'device' }],
    vendors: [
      { id: 'rtc', name: 'Acme RTC', role: 'processor', services: ['realtime-voice'], regions: ['US'] },
      { id: 'llm', name: 'Acme AI', role: 'processor', services: ['ai-model'], regions: ['US'] },
    ],
    purposes: [
      { id: 'voice-chat', use: 'functional.voice_chat', data: ['voice'], lawfulBasis: 'contract' },
      { id: 'companion', use: 'functional.service', data: ['companion-chat'], lawfulBasis: 'contract' },
    ],
    flows: [
      { from: 'client', to: 'rtc', data: ['voice'], purpose: 'voice-chat' },
      { from: 'client', to: 'llm', data: ['companion-chat'], purpose: 'companion' },
    ],
    ...overrides,
  });
}
