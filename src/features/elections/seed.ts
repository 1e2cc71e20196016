// Demo data for elections.
import type { WaslServices } from '../../core/services.js';
import type { DemoContext } from '../../seed/demo.js';

export async function seedElections(_wasl: WaslServices, _ctx: DemoContext): Promise<void> {}
