import type { Screen } from '../state.js';
import { accessStep } from './access.js';
import { actionsStep } from './actions.js';
import { adminsStep } from './admins.js';
import { consumersStep } from './consumers.js';
import { doneScreen } from './done.js';
import { keyStep } from './key.js';
import { outputStep } from './output.js';
import { regionsStep } from './regions.js';
import { reviewStep } from './review.js';
import { servicesStep } from './services.js';
import type { ScreenModule } from './types.js';

/** Every screen by id, in wizard order. */
export const SCREENS: Record<Screen, ScreenModule> = {
  key: keyStep,
  admins: adminsStep,
  access: accessStep,
  consumers: consumersStep,
  services: servicesStep,
  regions: regionsStep,
  actions: actionsStep,
  review: reviewStep,
  output: outputStep,
  done: doneScreen,
};
