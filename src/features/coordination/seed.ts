// Demo data for coordination.
import type { WaslServices } from '../../core/services.js';
import type { DemoContext } from '../../seed/demo.js';

export async function seedCoordination(_wasl: WaslServices, _ctx: DemoContext): Promise<void> {}
